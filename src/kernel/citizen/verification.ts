import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { checkAnswer, makeQuestion, type FallbackQuestion } from './question.js';
import type { ReplayStore } from './replay-store.js';
import type { InteractSecrets } from './secrets.js';

/**
 * The verification step of the comment form. With JavaScript: an ALTCHA proof of work solved by
 * the browser (PBKDF2 in Web Workers) and checked here with altcha-lib. Challenges are
 * deterministic (the server knows the counter) and their derived key is signed, so checking costs
 * one HMAC. Without JavaScript: the fallback question (question.ts). Either proof is accepted once.
 */
export const ALTCHA_ALGORITHM = 'PBKDF2/SHA-256';
/** PBKDF2 iterations per attempt, and the range the secret counter is drawn from: about a second
 * of work for an old phone's browser, spread over its cores. */
export const ALTCHA_COST = 500;
export const ALTCHA_COUNTER: [number, number] = [500, 2500];
export const CHALLENGE_TTL_MS = 20 * 60_000;
const MAX_PAYLOAD = 4096;

export class Verification {
  constructor(
    private readonly secrets: InteractSecrets,
    private readonly replay: ReplayStore,
    /** Wall-clock milliseconds; altcha-lib checks expiry with the real clock too. */
    private readonly clock: () => number = Date.now,
  ) {}

  challenge(): Promise<Challenge> {
    return createChallenge({
      algorithm: ALTCHA_ALGORITHM,
      cost: ALTCHA_COST,
      counter: randomInt(ALTCHA_COUNTER[1], ALTCHA_COUNTER[0]),
      deriveKey,
      expiresAt: new Date(this.clock() + CHALLENGE_TTL_MS),
      hmacSignatureSecret: this.secrets.altcha,
      hmacKeySignatureSecret: this.secrets.altchaKey,
    });
  }

  /** True for a correctly solved, signed, unexpired challenge presented for the first time. */
  async verifyAltcha(raw: string): Promise<boolean> {
    const payload = parsePayload(raw);
    if (!payload) return false;
    const p = payload.challenge.parameters;
    // The signature covers the parameters; these checks only refuse junk before any work.
    if (p.algorithm !== ALTCHA_ALGORITHM || typeof p.expiresAt !== 'number' || typeof p.nonce !== 'string') return false;
    try {
      const r = await verifySolution({
        challenge: payload.challenge,
        solution: payload.solution,
        deriveKey,
        hmacSignatureSecret: this.secrets.altcha,
        hmacKeySignatureSecret: this.secrets.altchaKey,
      });
      if (!r.verified) return false;
    } catch {
      return false;
    }
    return this.replay.useOnce(`a:${p.nonce}`, new Date(p.expiresAt * 1000));
  }

  question(siteId: number): FallbackQuestion {
    return makeQuestion(this.secrets.question, siteId, this.clock());
  }

  /** True for the right answer to a current question token presented for the first time. */
  async verifyAnswer(siteId: number, token: string, answer: string): Promise<boolean> {
    const ok = checkAnswer(this.secrets.question, siteId, token, answer, this.clock());
    return ok !== null && this.replay.useOnce(`q:${ok.id}`, ok.expiresAt);
  }
}

function parsePayload(raw: string): Payload | null {
  if (!raw || raw.length > MAX_PAYLOAD || !/^[A-Za-z0-9+/=]+$/.test(raw)) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Payload;
    const ok =
      v && typeof v === 'object' && v.challenge && typeof v.challenge === 'object' && v.challenge.parameters && typeof v.challenge.parameters === 'object' &&
      typeof v.challenge.signature === 'string' && v.solution && typeof v.solution === 'object' && typeof v.solution.derivedKey === 'string' &&
      Number.isInteger(v.solution.counter);
    return ok ? v : null;
  } catch {
    return null;
  }
}
