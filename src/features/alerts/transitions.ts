import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/connection.js';
import type { PageCache } from '../../kernel/http/page-cache.js';
import type { Job } from '../../kernel/jobs.js';

/**
 * A notice with a future start or end changes every page of its site at that moment, while those
 * pages sit in the page cache of every instance. This leased job (kernel/jobs.ts, like scheduled
 * publishing) purges the site once each start and end has passed: the purge goes out on the purge
 * bus (Redis or the primary), so every instance drops its copies. Each transition is claimed by a
 * conditional update of its flag (and of the times read), so it is purged once even if two
 * instances ran at the same time, and a notice edited meanwhile is left to the edit's own purge.
 * Nothing is kept in memory: after a restart the next round purges whatever passed meanwhile.
 */
export const LEASE = 'alert-transitions';

/** Every ten seconds: a notice appears (and goes) at most that long (plus the margin) after its time, on every instance. */
export const TRANSITION_INTERVAL_MS = 10_000;

/**
 * How long after a start or end the job purges. Every instance renders with its own clock: were
 * the purge made the moment this instance's clock passes the time, an instance whose clock is a
 * little behind could render (and keep for the page lifetime) the page as it was before. A margin
 * larger than the machines' clock difference (NTP keeps it far below a second) rules that out.
 * It is also no shorter than the reuse of a site's frame (PageCache.siteValue, 5 s): a frame made
 * just before the time and reused by pages rendered just after it is gone before the purge.
 */
export const CLOCK_MARGIN_MS = 5_000;

/** Purges the sites whose notices started or ended since the last round; returns the ids of those notices. */
export async function purgePassedTransitions(db: Db, cache: PageCache, now: Date): Promise<number[]> {
  const t = new Date(now.getTime() - CLOCK_MARGIN_MS).toISOString();
  // tenancy: the job serves every site; each row brings its site_id, which its purge keeps to.
  const due = await db
    .selectFrom('alerts')
    .select(['id', 'site_id', 'starts_at', 'ends_at', 'start_purged', 'end_purged'])
    .where((eb) => eb.or([eb.and([eb('start_purged', '=', 0), eb('starts_at', '<=', t)]), eb.and([eb('end_purged', '=', 0), eb('ends_at', '<=', t)])]))
    .orderBy('id')
    .limit(500)
    .execute();
  const done: number[] = [];
  const sites = new Set<number>();
  for (const a of due) {
    const r = await db
      .updateTable('alerts')
      .set({ start_purged: a.starts_at <= t ? 1 : a.start_purged, end_purged: a.ends_at <= t ? 1 : a.end_purged })
      .where('site_id', '=', a.site_id)
      .where('id', '=', a.id)
      .where('start_purged', '=', a.start_purged)
      .where('end_purged', '=', a.end_purged)
      .where('starts_at', '=', a.starts_at)
      .where('ends_at', '=', a.ends_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) continue;
    done.push(a.id);
    sites.add(a.site_id);
  }
  for (const siteId of sites) cache.purgeSite(siteId);
  return done;
}

export function alertTransitionsJob(ctx: Pick<AppContext, 'db' | 'pageCache'>): Job {
  return {
    name: LEASE,
    intervalMs: TRANSITION_INTERVAL_MS,
    leased: true,
    run: async (now) => {
      await purgePassedTransitions(ctx.db, ctx.pageCache, now);
    },
  };
}
