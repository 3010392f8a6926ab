import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { parseAnswer } from '../../src/kernel/citizen/question.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

/** Shared set-up of the interaction tests: the app on the demo content and a published article. */
export interface Env {
  app: FastifyInstance;
  siteId: number;
  articleId: number;
  path: string;
}

export async function setup(db: TestDb, opts: { cacheSeconds?: number } = {}): Promise<Env> {
  const app = await buildTestApp(db, { cacheSeconds: opts.cacheSeconds ?? 0 });
  const site = await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', NAM_HONG_LINH).executeTakeFirstOrThrow();
  const a = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', site.site_id).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  return { app, siteId: site.site_id, articleId: a.id, path: `/bai-viet/${a.slug}-${a.id}` };
}

/** Another published article of the site (for tests that must not disturb the first). */
export async function otherArticle(env: Env, db: TestDb, n: number): Promise<{ id: number; path: string }> {
  const rows = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', env.siteId).where('status', '=', 'published').orderBy('id').execute();
  const a = rows[n]!;
  return { id: a.id, path: `/bai-viet/${a.slug}-${a.id}` };
}

const UA = 'Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

export interface PostOptions {
  ip?: string;
  json?: boolean;
  ua?: string;
  host?: string;
  headers?: Record<string, string>;
}

/**
 * A form post as a browser makes it from the site's own page: with the page's Origin (JSON answer
 * when `json`, as interact.js asks).
 */
export function post(app: FastifyInstance, url: string, fields: Record<string, string>, o: PostOptions = {}) {
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: o.ip ?? '203.0.113.10',
    headers: {
      host: o.host ?? NAM_HONG_LINH,
      origin: `http://${o.host ?? NAM_HONG_LINH}`,
      'user-agent': o.ua ?? UA,
      'content-type': 'application/x-www-form-urlencoded',
      ...(o.json ? { accept: 'application/json' } : { accept: 'text/html' }),
      ...o.headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

export function get(app: FastifyInstance, url: string, o: PostOptions = {}) {
  return app.inject({ url, remoteAddress: o.ip ?? '203.0.113.10', headers: { host: o.host ?? NAM_HONG_LINH, 'user-agent': o.ua ?? UA, ...o.headers } });
}

/** Fetches a real challenge and solves it as the browser's widget does; returns the form value. */
export async function solvedAltcha(app: FastifyInstance, ip = '203.0.113.10'): Promise<string> {
  const res = await get(app, '/binh-luan/thu-thach', { ip });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  const challenge = res.json() as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution, 'the challenge is solvable');
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString('base64');
}

const WORDS = /Câu hỏi: (\S+) (cộng|trừ) (\S+) bằng mấy\?/;

/** The question's token and its right answer, read from a page (as a person would). */
export function questionOf(html: string): { token: string; answer: string; question: string } {
  const token = /name="ma_cau_hoi" value="([^"]+)"/.exec(html)?.[1];
  const m = WORDS.exec(html);
  assert.ok(token && m, 'the page has a fallback question');
  const a = parseAnswer(m[1]!)!;
  const b = parseAnswer(m[3]!)!;
  return { token, answer: String(m[2] === 'cộng' ? a + b : a - b), question: m[0] };
}

/** A fresh question from the no-JS page. */
export async function freshQuestion(app: FastifyInstance, articleId: number, ip?: string) {
  const res = await get(app, `/binh-luan/${articleId}/viet`, { ip });
  assert.equal(res.statusCode, 200);
  return questionOf(res.body);
}

/** Text of an HTML fragment without tags, entities decoded. */
export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export const COMMENT = { ho_ten: 'Nguyễn Thị Lan', email: 'lan.nguyen@gmail.com', noi_dung: 'Bài viết rất bổ ích cho bà con phường Nam Hồng.' };

let ipCounter = 0;
/** A new documentation address for each call, so that per-IP limits do not mix tests. */
export function freshIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}
