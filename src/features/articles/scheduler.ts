import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../kernel/audit.js';
import type { Db } from '../../kernel/db/connection.js';
import type { PageCache } from '../../kernel/http/page-cache.js';
import { purgeForArticle } from '../../kernel/commands.js';
import { syncArticleIndex } from '../search/indexer.js';

/**
 * Scheduled publishing. Every instance ticks; a database lease lets one of them do the work,
 * and each article flips from "scheduled" to "published" with a conditional update, so even two
 * instances holding the lease by accident cannot publish (or audit) an article twice. Nothing is
 * kept in memory: after a crash or restart the next tick publishes whatever is due.
 */
export const LEASE = 'publish-scheduled';

export async function acquireLease(db: Db, name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('job_leases')
    .values({ name, owner, expires_at: expires })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner, expires_at: expires })
        .where((eb) => eb.or([eb('job_leases.expires_at', '<', now.toISOString()), eb('job_leases.owner', '=', owner)])),
    )
    .execute();
  const row = await db.selectFrom('job_leases').select('owner').where('name', '=', name).executeTakeFirst();
  return row?.owner === owner;
}

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

export class PublishScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  readonly owner = randomUUID();

  constructor(
    private readonly db: Db,
    private readonly cache: PageCache,
    private readonly now: () => Date,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 10_000,
  ) {}

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** One round: take the lease if free, publish what is due. */
  tick(): Promise<void> {
    this.running ??= (async () => {
      try {
        const now = this.now();
        if (await acquireLease(this.db, LEASE, this.owner, now, this.intervalMs * 3)) await publishDue(this.db, this.cache, now);
      } catch (err) {
        this.onError(err);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
