import { publishDue } from '../../src/features/articles/scheduler.js';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';
import { COMMENT, freshIp, freshQuestion, post, type Env } from '../interact/helpers.js';

export interface Acknowledged {
  votes: number;
  comments: string[];
  rounds: number;
  errors: string[];
}

/**
 * The app's clock stands still an hour ahead (after everything the demo published): its own jobs
 * then write nothing new when they tick, so once the writers stop the database holds still.
 * Scheduled articles fall due after it, as the writers' publishing clock moves on in real time.
 */
const BASE = Math.ceil(Date.now() / 1000) * 1000 + 3_600_000;

/** The app on the demo content, with its clock at BASE. */
export async function servingApp(db: TestDb): Promise<Env> {
  const app = await buildTestApp(db, { now: () => new Date(BASE), cacheSeconds: 0 });
  const site = await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', NAM_HONG_LINH).executeTakeFirstOrThrow();
  const a = await db.db.selectFrom('articles').select(['id', 'slug']).where('site_id', '=', site.site_id).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  return { app, siteId: site.site_id, articleId: a.id, path: `/bai-viet/${a.slug}-${a.id}` };
}

/** Between two scheduled articles' times: the backup's instant falls among them, even on a slow machine. */
const SPACING_MS = 3000;

/** Makes `n` published articles of the site scheduled: the first due at once, the others every SPACING_MS. */
export async function scheduleArticles(db: TestDb, siteId: number, skip: number[], n: number): Promise<number[]> {
  const rows = await db.db.selectFrom('articles').select('id').where('site_id', '=', siteId).where('status', '=', 'published').where('id', 'not in', skip).orderBy('id', 'desc').limit(n).execute();
  const ids = rows.map((r) => r.id);
  for (const [k, id] of ids.entries()) {
    await db.db.updateTable('articles').set({ status: 'scheduled', published_at: new Date(BASE + k * SPACING_MS).toISOString() }).where('site_id', '=', siteId).where('id', '=', id).execute();
  }
  return ids;
}

/**
 * Citizens and the scheduler at work: each round a vote (on `articleIds`), a comment (on `commentOn`) (answering the no-JS question)
 * and a publishing round on a clock running from BASE, until `stop` says so. What the app
 * acknowledged is recorded; anything else is an error.
 */
export function startWriters(env: Env, db: TestDb, articleIds: number[], commentOn: number[]): { acked: Acknowledged; stop: () => Promise<void> } {
  const acked: Acknowledged = { votes: 0, comments: [], rounds: 0, errors: [] };
  let round = 0;
  const started = Date.now();
  const pageCache = new PageCache(60_000);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      round += 1;
      const articleId = articleIds[round % articleIds.length]!;
      const vote = await post(env.app, `/danh-gia/${articleId}`, { sao: String(1 + (round % 5)) }, { ip: freshIp(), json: true });
      if (vote.statusCode === 200) acked.votes += 1;
      else acked.errors.push(`vote ${vote.statusCode}: ${vote.body.slice(0, 120)}`);
      const ip = freshIp();
      // Spread over many articles: each takes only so many comments in ten minutes.
      const commented = commentOn[round % commentOn.length]!;
      const q = await freshQuestion(env.app, commented, ip);
      const content = `Ý kiến thứ ${round} của bà con về bài viết.`;
      const c = await post(env.app, `/binh-luan/${commented}`, { ...COMMENT, noi_dung: content, ma_cau_hoi: q.token, dap_an: q.answer }, { ip, json: true });
      if (c.statusCode === 200) acked.comments.push(content);
      else acked.errors.push(`comment ${c.statusCode}: ${c.body.slice(0, 120)}`);
      // The publishing job's work, on the writers' clock (the app's own job holds the lease).
      await publishDue(db.db, pageCache, new Date(BASE + Date.now() - started)).catch((e: unknown) => acked.errors.push(String(e)));
      acked.rounds = round;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    acked,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
