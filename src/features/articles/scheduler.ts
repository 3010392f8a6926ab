import { writeAudit } from '../../kernel/audit.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/connection.js';
import type { PageCache } from '../../kernel/http/page-cache.js';
import type { Job } from '../../kernel/jobs.js';
import { purgeForArticle } from './purge.js';
import { syncArticleIndex } from '../search/indexer.js';

/**
 * Scheduled publishing, a leased job (kernel/jobs.ts): every instance ticks, a database lease
 * lets one of them do the work, and each article flips from "scheduled" to "published" with a
 * conditional update, so even two instances holding the lease by accident cannot publish (or
 * audit) an article twice. Nothing is kept in memory: after a crash or restart the next tick
 * publishes whatever is due.
 */
export const LEASE = 'publish-scheduled';

/** Publishes every scheduled article whose time has come; returns the ids this call published. */
export async function publishDue(db: Db, cache: PageCache, now: Date): Promise<number[]> {
  // tenancy: the publishing job serves every site; each due row brings its site_id, which the update below keeps to.
  const due = await db
    .selectFrom('articles')
    .select(['id', 'site_id', 'slug', 'category_id', 'published_at'])
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .orderBy('published_at')
    .limit(500)
    .execute();
  const published: number[] = [];
  for (const a of due) {
    const done = await db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('articles')
        .set({ status: 'published', updated_at: now.toISOString() })
        .where('site_id', '=', a.site_id)
        .where('id', '=', a.id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      // Searchable from the moment it is public (same transaction).
      await syncArticleIndex(tx, a.id);
      await writeAudit(tx, { siteId: a.site_id, userId: null, action: 'article.publish_scheduled', entityType: 'article', entityId: a.id, before: { status: 'scheduled' }, after: { status: 'published', published_at: a.published_at } }, now);
      return true;
    });
    if (done) {
      published.push(a.id);
      await purgeForArticle(db, cache, a, [a.category_id]);
    }
  }
  return published;
}

/** Every ten seconds, on the instance holding the lease. */
export const PUBLISH_INTERVAL_MS = 10_000;

export function publishingJob(ctx: Pick<AppContext, 'db' | 'pageCache'>): Job {
  return {
    name: LEASE,
    intervalMs: PUBLISH_INTERVAL_MS,
    leased: true,
    run: async (now) => {
      await publishDue(ctx.db, ctx.pageCache, now);
    },
  };
}
