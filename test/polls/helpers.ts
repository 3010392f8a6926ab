import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/kernel/db/connection.js';
import { freshIp } from '../interact/helpers.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

/** Shared set-up of the poll tests: the app on the demo content, both sites' ids. */
export async function setup(db: TestDb, opts: { cacheSeconds?: number; now?: () => Date } = {}) {
  const app = await buildTestApp(db, { cacheSeconds: opts.cacheSeconds ?? 60, now: opts.now });
  const ids = async (host: string) => (await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', host).executeTakeFirstOrThrow()).site_id;
  return { app, siteId: await ids(NAM_HONG_LINH), otherSiteId: await ids(BAC_HONG_LINH) };
}

const DAY = 86_400_000;

export interface PollSpec {
  question?: string;
  multiple?: boolean;
  maxChoices?: number;
  /** Days from now. */
  opensIn?: number;
  closesIn?: number | null;
  published?: boolean;
  results?: 'always' | 'after_vote';
  options?: string[];
}

let n = 0;
/** A poll written straight to the database; returns its id and option ids. */
export async function makePoll(db: Db, siteId: number, s: PollSpec = {}): Promise<{ id: number; options: number[] }> {
  n += 1;
  const now = Date.now();
  const at = (d: number) => new Date(now + d * DAY).toISOString();
  const row = await db
    .insertInto('polls')
    .values({
      site_id: siteId, question: s.question ?? `Câu hỏi thử số ${n}?`, multiple: s.multiple ? 1 : 0, max_choices: s.maxChoices ?? 0,
      opens_at: at(s.opensIn ?? -1), closes_at: s.closesIn === undefined ? at(10) : s.closesIn === null ? null : at(s.closesIn),
      published: s.published === false ? 0 : 1, results_visibility: s.results ?? 'always', created_by: null, created_at: at(-2), updated_at: at(-2),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const options = [];
  for (const [i, label] of (s.options ?? ['Phương án A', 'Phương án B', 'Phương án C']).entries()) {
    options.push((await db.insertInto('poll_options').values({ poll_id: row.id, site_id: siteId, label, position: i }).returning('id').executeTakeFirstOrThrow()).id);
  }
  return { id: row.id, options };
}

export async function counters(db: Db, pollId: number) {
  const p = await db.selectFrom('polls').select('total_votes').where('id', '=', pollId).executeTakeFirstOrThrow();
  const o = await db.selectFrom('poll_options').select(['id', 'votes']).where('poll_id', '=', pollId).orderBy('position').execute();
  const log = await db.selectFrom('poll_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('poll_id', '=', pollId).executeTakeFirstOrThrow();
  return { total: Number(p.total_votes), options: o.map((x) => Number(x.votes)), log: Number(log.n) };
}

export function voterCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const c = ([] as string[]).concat((res.headers['set-cookie'] as string | string[]) ?? []).find((x) => x.startsWith('cong_bd='));
  return c?.split(';')[0];
}

export const ANDROID = 'Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
export const CONFIRM = 'Bạn chưa bình chọn lần nào từ trình duyệt này. Lựa chọn của bạn đã được đánh dấu bên dưới: vui lòng bấm “Bình chọn” một lần nữa để xác nhận.';

export interface VoteOptions {
  ip?: string;
  ua?: string;
  host?: string;
  json?: boolean;
  headers?: Record<string, string>;
}

/** One POST of the vote form, exactly as given. */
export function postVote(app: FastifyInstance, id: number, choices: (number | string)[], o: VoteOptions = {}) {
  // URLSearchParams from pairs: a multiple-choice form sends the field once per ticked box.
  const body = new URLSearchParams(choices.map((c) => ['phuong_an', String(c)]));
  return app.inject({
    method: 'POST',
    url: `/tham-do-y-kien/${id}`,
    remoteAddress: o.ip ?? freshIp(),
    headers: {
      host: o.host ?? NAM_HONG_LINH,
      // From the poll's own page, as a browser posts it (issue 16: a same-site Origin is required).
      origin: `http://${o.host ?? NAM_HONG_LINH}`,
      'user-agent': o.ua ?? ANDROID,
      'content-type': 'application/x-www-form-urlencoded',
      accept: o.json ? 'application/json' : 'text/html',
      ...o.headers,
    },
    payload: body.toString(),
  });
}

/**
 * A vote as a browser makes it: a first vote without the voter cookie comes back with the cookie
 * and the form to confirm (issue 16), and the browser sends it again with the cookie. The answer
 * is the last one, carrying the cookie the browser now holds.
 */
export async function vote(app: FastifyInstance, id: number, choices: (number | string)[], o: VoteOptions = {}) {
  const ip = o.ip ?? freshIp();
  const first = await postVote(app, id, choices, { ...o, ip });
  const cookie = voterCookie(first);
  if (first.statusCode !== 200 || !cookie || !first.body.includes('một lần nữa để xác nhận')) return first;
  const second = await postVote(app, id, choices, { ...o, ip, headers: { ...o.headers, cookie } });
  second.headers['set-cookie'] ??= first.headers['set-cookie'];
  return second;
}
