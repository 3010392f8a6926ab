import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { searchFold } from '../lib/text.js';

/**
 * The verification step of people without JavaScript (who cannot run the ALTCHA proof of work):
 * a small sum in plain Vietnamese words, answered in digits (number words are accepted too).
 * The token carries no answer, only an HMAC over it: "<id>.<expiry>.<mac>". It is checked on the
 * server, expires after half an hour and is accepted once (the id goes to the replay store).
 */
export interface FallbackQuestion {
  question: string;
  token: string;
}

export const QUESTION_TTL_MS = 30 * 60_000;
const WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

function sign(secret: string, siteId: number, id: string, exp: number, answer: number): Buffer {
  return createHmac('sha256', secret).update(`${siteId}.${id}.${exp}.${answer}`).digest();
}

export function makeQuestion(secret: string, siteId: number, nowMs: number): FallbackQuestion {
  let a = randomInt(1, 10);
  let b = randomInt(1, 10);
  let text: string;
  let answer: number;
  if (randomInt(0, 2) === 0) {
    text = 'cộng';
    answer = a + b;
  } else {
    if (a < b) [a, b] = [b, a];
    if (a === b) a += 1;
    text = 'trừ';
    answer = a - b;
  }
  const first = WORDS[a]!;
  const question = `${first[0]!.toUpperCase()}${first.slice(1)} ${text} ${WORDS[b]} bằng mấy? (viết bằng chữ số)`;
  const id = randomBytes(12).toString('base64url');
  const exp = Math.floor((nowMs + QUESTION_TTL_MS) / 1000);
  return { question, token: `${id}.${exp}.${sign(secret, siteId, id, exp, answer).toString('base64url')}` };
}

/** The token's id and expiry when the answer is right and the token is current; null otherwise. */
export function checkAnswer(secret: string, siteId: number, token: string, answer: string, nowMs: number): { id: string; expiresAt: Date } | null {
  const m = /^([A-Za-z0-9_-]{16})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  const n = parseAnswer(answer);
  if (!m || n === null) return null;
  const [, id, expRaw, mac] = m as unknown as [string, string, string, string];
  const exp = Number(expRaw);
  if (exp * 1000 < nowMs) return null;
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(secret, siteId, id, exp, n);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { id, expiresAt: new Date(exp * 1000) };
}

const UNITS: Record<string, number> = { khong: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };

/** "8", " 8 ", "tám", "mười một", "mười lăm" → a number from 0 to 99; anything else → null. */
export function parseAnswer(raw: string): number | null {
  const s = searchFold(raw.slice(0, 40));
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const w = s.split(' ').filter(Boolean);
  const unit = (t: string | undefined) => (t === undefined ? 0 : UNITS[t] ?? NaN);
  let n = NaN;
  if (w.length === 1) n = w[0] === 'muoi' ? 10 : unit(w[0]);
  else if (w[0] === 'muoi' && w.length === 2) n = 10 + unit(w[1]);
  else if ((w[1] === 'muoi' || w[1] === 'chuc') && w.length <= 3) n = unit(w[0]) * 10 + unit(w[2]);
  return Number.isInteger(n) && n >= 0 && n < 100 ? n : null;
}
