import { count, type WriteContext } from './write-context.js';

/** Other old addresses of the source (tag archives, old sections) and where they lead now. */
export async function writeRedirects(cx: WriteContext): Promise<void> {
  for (const r of cx.plan.redirects) {
    const had = cx.oldUrls.has(r.from);
    cx.oldUrls.add(r.from, r.to);
    count(cx, 'redirect', had);
    cx.tick();
  }
}

/**
 * Adds the old portal's visit total to the site's counter base. import_items keeps what this
 * source added (kind "counter"), so a re-run adds only the difference.
 */
export async function writeCounter(cx: WriteContext): Promise<void> {
  const c = cx.plan.counter;
  if (!c) return;
  const before = cx.items.get('counter', 'visits');
  const delta = c.visits - (before ?? 0);
  if (delta !== 0) {
    // tenancy: the site row itself, by its id.
    await cx.tx.updateTable('sites').set((eb) => ({ counter_base: eb('counter_base', '+', delta) })).where('id', '=', cx.site.id).execute();
  }
  cx.items.set('counter', 'visits', c.visits);
  count(cx, 'counter', before !== undefined);
  cx.tick();
}
