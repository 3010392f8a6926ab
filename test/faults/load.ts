import https from 'node:https';
import { parseAnswer } from '../../src/kernel/citizen/question.js';

/**
 * The concurrent client of the fault tests, through nginx (https on loopback): readers GET pages
 * over kept-alive connections; voters rate articles and commenters post comments, each from an
 * address of its own (127.0.x.y: Linux answers the whole 127/8), so that the per-address limits
 * of a real crowd apply. Every answer is tallied; every acknowledged write is remembered, so that
 * the test can look for it in the database afterwards.
 */
export interface LoadTally {
  sent: number;
  /** Answered with a status (any). */
  answered: number;
  /** 2xx and 3xx. */
  ok: number;
  /** 5xx, or no answer at all (connection reset, timeout). */
  failed: number;
  statuses: Record<string, number>;
  /** The first few answers of 4xx (other than 429) and 500: what went wrong, for the report. */
  oddities: string[];
  /** The first few 503 answers (what a person sees during an outage). */
  unavailable: string[];
  /** Ratings answered 200 (one new vote each: a new voter every time). */
  ratingsAcked: number;
  ratingsSent: number;
  /** Contents of the comments answered { ok: true }. */
  commentsAcked: string[];
  commentsSent: number;
}

export interface LoadTarget {
  port: number;
  host: string;
  pages: string[];
  articleIds: number[];
}

const readers = Array.from({ length: 4 }, (_, i) => new https.Agent({ keepAlive: true, maxSockets: 2, localAddress: `127.0.0.${10 + i}`, rejectUnauthorized: false }));
let address = 0;
/** A fresh loopback address for one write (127.0.1.1 … 127.0.250.250). */
function nextAddress(): string {
  address += 1;
  return `127.0.${1 + (Math.floor(address / 250) % 250)}.${1 + (address % 250)}`;
}

function call(t: LoadTarget, tally: LoadTally, o: { method?: string; path: string; body?: string; type?: string; agent?: https.Agent; localAddress?: string; ua?: string }): Promise<{ status: number; body: string } | null> {
  tally.sent += 1;
  return new Promise((resolve) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: t.port,
        method: o.method ?? 'GET',
        path: o.path,
        agent: o.agent ?? false,
        localAddress: o.agent ? undefined : o.localAddress,
        rejectUnauthorized: false,
        timeout: 15_000,
        headers: {
          host: t.host,
          accept: 'application/json, text/html',
          'user-agent': o.ua ?? 'Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
          // A post comes from the site's own page (behind nginx, https), as a browser sends it.
          ...(o.body !== undefined ? { origin: `https://${t.host}`, 'content-type': o.type ?? 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(o.body) } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          tally.answered += 1;
          tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
          if (status < 400) tally.ok += 1;
          if (status >= 500) tally.failed += 1;
          // Whole bodies (five at most): a 503 page may carry the site's frame before its message.
          if (status === 503 && tally.unavailable.length < 5) tally.unavailable.push(body);
          if (((status >= 400 && status < 500 && status !== 429) || status === 500) && tally.oddities.length < 3) tally.oddities.push(`${status} ${o.method ?? 'GET'} ${o.path}: ${body.slice(0, 300)}`);
          resolve({ status, body });
        });
        res.on('error', () => resolve(null));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      tally.failed += 1;
      tally.statuses.error = (tally.statuses.error ?? 0) + 1;
      resolve(null);
    });
    req.end(o.body);
  });
}

let serial = 0;

async function vote(t: LoadTarget, tally: LoadTally): Promise<void> {
  serial += 1;
  const id = t.articleIds[serial % t.articleIds.length]!;
  tally.ratingsSent += 1;
  // A new browser each time: a new voter, so every acknowledged vote is one more row.
  const r = await call(t, tally, { method: 'POST', path: `/danh-gia/${id}`, body: JSON.stringify({ sao: 1 + (serial % 5) }), type: 'application/json', localAddress: nextAddress(), ua: `Mozilla/5.0 (Linux; Android 10) Chrome/120.0 Mobile Safari/537.36 tai-thu/${serial}` });
  if (r?.status === 200) tally.ratingsAcked += 1;
}

async function comment(t: LoadTarget, tally: LoadTally): Promise<void> {
  serial += 1;
  const id = t.articleIds[serial % t.articleIds.length]!;
  const from = nextAddress();
  const q = await call(t, tally, { path: '/binh-luan/cau-hoi', localAddress: from });
  if (q?.status !== 200) return;
  const { question, token } = JSON.parse(q.body) as { question: string; token: string };
  const content = `Bình luận thử tải số ${serial} ${Date.now()}: xin hỏi lịch tiếp công dân?`;
  tally.commentsSent += 1;
  const body = new URLSearchParams({ ho_ten: 'Người thử tải', email: '', noi_dung: content, ma_cau_hoi: token, dap_an: answerOf(question) }).toString();
  const r = await call(t, tally, { method: 'POST', path: `/binh-luan/${id}`, body, localAddress: from });
  if (r?.status === 200 && (JSON.parse(r.body) as { ok?: boolean }).ok) tally.commentsAcked.push(content);
}

/** "Bảy cộng hai bằng mấy?" → "9" (the fallback question's words, as a person would answer). */
function answerOf(question: string): string {
  const m = /^(.+?) (cộng|trừ) (.+?) bằng/i.exec(question);
  if (!m) return '0';
  const a = parseAnswer(m[1]!)!;
  const b = parseAnswer(m[3]!)!;
  return String(m[2]!.toLowerCase() === 'cộng' ? a + b : a - b);
}

export function emptyTally(): LoadTally {
  return { sent: 0, answered: 0, ok: 0, failed: 0, statuses: {}, oddities: [], unavailable: [], ratingsAcked: 0, ratingsSent: 0, commentsAcked: [], commentsSent: 0 };
}

/** Runs `concurrency` loops until `stop()` resolves: mostly page reads, some votes and comments. */
export async function load(t: LoadTarget, tally: LoadTally, concurrency: number, until: Promise<unknown>): Promise<LoadTally> {
  let running = true;
  void until.then(() => (running = false));
  let n = 0;
  const loop = async (k: number) => {
    while (running) {
      n += 1;
      const pick = n % 10;
      if (pick === 3 || pick === 7) await vote(t, tally);
      else if (pick === 5) await comment(t, tally);
      else await call(t, tally, { path: t.pages[n % t.pages.length]!, agent: readers[k % readers.length] });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, k) => loop(k)));
  return tally;
}
