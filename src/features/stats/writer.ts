import { sql } from 'kysely';
import type { Db, Dialect } from '../../kernel/db/connection.js';
import { dayOf } from '../../kernel/lib/calendar.js';
import { bump, type Batch } from './fields.js';
import type { DeviceClass } from '../../kernel/db/tables/stats.js';

/**
 * Writes one batch of aggregated hits in one transaction: increments of the daily, article,
 * referrer and device rows and of the running totals, and the visitor hashes with their last hit.
 * A visitor hash is made with one day's salt, so inserting it tells whether the visitor is new
 * that day; the database decides, which keeps distinct visitors exact across restarts and
 * instances. Returns false when a Redis batch had already been written (a retried flush).
 */
const CHUNK = 500;

/**
 * Distinct referring domains kept per site and day; hits from any further domain are counted
 * under OTHER_REFERRER. Anyone can make up domains, and every one would be a row.
 */
export const REFERRER_DOMAINS_PER_DAY = 200;
/** Not a host name (those are ASCII), so it cannot clash with one; shown as it is on the dashboard. */
export const OTHER_REFERRER = 'khác';

type Tx = Db;

export async function writeBatch(db: Db, dialect: Dialect, batch: Batch, now: Date): Promise<boolean> {
  const iso = now.toISOString();
  return db.transaction().execute(async (tx) => {
    if (batch.id) {
      const r = await tx.insertInto('stats_flush_log').values({ batch_id: batch.id, flushed_at: iso }).onConflict((oc) => oc.column('batch_id').doNothing()).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    }
    const siteIds = [...new Set([...batch.counters.keys(), ...batch.touches.keys()])];
    if (!siteIds.length) return true;
    // A site deleted since its hits were recorded takes them with it.
    const live = new Set((await tx.selectFrom('sites').select('id').where('id', 'in', siteIds).execute()).map((r) => r.id));
    for (const site of siteIds) {
      if (!live.has(site)) continue;
      const newVisitors = await writeVisitors(tx, dialect, site, batch.touches.get(site));
      await writeCounters(tx, site, batch.counters.get(site) ?? new Map(), newVisitors, iso);
    }
    return true;
  });
}

/**
 * The touched visitors of a site as a rowset (visitor, last_seen_at) read from one JSON
 * parameter [[hash, ms], …]: a small statement whatever the number of rows (a multi-row VALUES
 * list compiles a statement as large as the batch on every flush), and little garbage.
 */
function rowset(dialect: Dialect, json: string) {
  return dialect === 'sqlite'
    ? sql`select value ->> 0 as visitor, strftime('%Y-%m-%dT%H:%M:%fZ', (value ->> 1) / 1000.0, 'unixepoch') as last_seen_at from json_each(${json})`
    : sql`select e ->> 0 as visitor, to_char(to_timestamp((e ->> 1)::bigint / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last_seen_at from json_array_elements(${json}::json) as e`;
}

function toJson(touches: Map<string, number>, only?: (v: string) => boolean): string {
  let out = '';
  for (const [v, at] of touches) if (!only || only(v)) out += `${out ? ',' : '['}["${v}",${at}]`;
  return out ? `${out}]` : '[]';
}

/** Inserts new visitor hashes, moves the last hit of known ones; returns new visitors per day. */
async function writeVisitors(tx: Tx, dialect: Dialect, site: number, touches: Map<string, number> | undefined): Promise<Map<string, number>> {
  const perDay = new Map<string, number>();
  if (!touches?.size) return perDay;
  // "where true": SQLite needs it to tell the upsert clause from a join constraint.
  const inserted = await sql<{ visitor: string }>`
    insert into online_visitors (site_id, visitor, last_seen_at)
    select ${site}, r.visitor, r.last_seen_at from (${rowset(dialect, toJson(touches))}) as r where true
    on conflict (site_id, visitor) do nothing
    returning visitor`.execute(tx);
  const fresh = new Set(inserted.rows.map((r) => r.visitor));
  for (const v of fresh) bump(perDay, dayOf(touches.get(v)!));
  if (fresh.size < touches.size) {
    await sql`
      insert into online_visitors (site_id, visitor, last_seen_at)
      select ${site}, r.visitor, r.last_seen_at from (${rowset(dialect, toJson(touches, (v) => !fresh.has(v)))}) as r where true
      on conflict (site_id, visitor) do update set last_seen_at = excluded.last_seen_at
      where online_visitors.last_seen_at < excluded.last_seen_at`.execute(tx);
  }
  return perDay;
}

interface DayRow {
  page_views: number;
  visits: number;
  visitors: number;
}

async function writeCounters(tx: Tx, site: number, counters: Map<string, number>, newVisitors: Map<string, number>, iso: string): Promise<void> {
  const days = new Map<string, DayRow>();
  const day = (d: string) => {
    let r = days.get(d);
    if (!r) days.set(d, (r = { page_views: 0, visits: 0, visitors: 0 }));
    return r;
  };
  const articles = new Map<string, Map<number, number>>();
  const referrers: { site_id: number; day: string; domain: string; hits: number }[] = [];
  const devices: { site_id: number; day: string; device: DeviceClass; hits: number }[] = [];
  let pageViews = 0;
  let visits = 0;
  for (const [f, n] of counters) {
    const [kind, a, b] = splitField(f);
    if (f === 'pv') pageViews += n;
    else if (f === 'vs') visits += n;
    else if (kind === 'pv' && a.length === 10) day(a).page_views += n;
    else if (kind === 'vs' && a.length === 10) day(a).visits += n;
    else if (kind === 'a') bump(articlesOf(articles, b), Number(a), n);
    else if (kind === 'r') referrers.push({ site_id: site, day: a, domain: b, hits: n });
    else if (kind === 'd') devices.push({ site_id: site, day: a, device: b as DeviceClass, hits: n });
  }
  let visitors = 0;
  for (const [d, n] of newVisitors) {
    day(d).visitors += n;
    visitors += n;
  }

  const add = (table: string, col: string) => sql<number>`${sql.ref(`${table}.${col}`)} + ${sql.ref(`excluded.${col}`)}`;
  if (pageViews) {
    await tx.insertInto('site_stats').values({ site_id: site, page_views: pageViews, updated_at: iso })
      .onConflict((oc) => oc.column('site_id').doUpdateSet({ page_views: add('site_stats', 'page_views'), updated_at: iso })).execute();
  }
  if (visits || visitors) {
    await tx.insertInto('stats_totals').values({ site_id: site, visits, visitors })
      .onConflict((oc) => oc.column('site_id').doUpdateSet({ visits: add('stats_totals', 'visits'), visitors: add('stats_totals', 'visitors') })).execute();
  }
  if (days.size) {
    const rows = [...days].map(([d, r]) => ({ site_id: site, day: d, ...r }));
    await tx.insertInto('stats_daily').values(rows).onConflict((oc) => oc.columns(['site_id', 'day']).doUpdateSet({
      page_views: add('stats_daily', 'page_views'), visits: add('stats_daily', 'visits'), visitors: add('stats_daily', 'visitors'),
    })).execute();
  }
  await writeArticles(tx, site, articles);
  const capped = await capReferrers(tx, site, referrers);
  for (let i = 0; i < capped.length; i += CHUNK) {
    await tx.insertInto('stats_referrers').values(capped.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['site_id', 'day', 'domain']).doUpdateSet({ hits: add('stats_referrers', 'hits') })).execute();
  }
  if (devices.length) {
    await tx.insertInto('stats_devices').values(devices)
      .onConflict((oc) => oc.columns(['site_id', 'day', 'device']).doUpdateSet({ hits: add('stats_devices', 'hits') })).execute();
  }
}

type ReferrerRow = { site_id: number; day: string; domain: string; hits: number };

/**
 * Keeps at most REFERRER_DOMAINS_PER_DAY domains per day: a domain already stored that day stays
 * itself, a new one only while there is room, in the order of their hits; the rest are summed into
 * OTHER_REFERRER. Flushes of one store never overlap (flush lock or primary), so the count read here holds.
 */
async function capReferrers(tx: Tx, site: number, rows: ReferrerRow[]): Promise<ReferrerRow[]> {
  if (!rows.length) return rows;
  const out: ReferrerRow[] = [];
  const byDay = new Map<string, ReferrerRow[]>();
  for (const r of rows) {
    const list = byDay.get(r.day);
    if (list) list.push(r);
    else byDay.set(r.day, [r]);
  }
  for (const [day, list] of byDay) {
    const known = new Set((await tx.selectFrom('stats_referrers').select('domain').where('site_id', '=', site).where('day', '=', day).execute()).map((r) => r.domain));
    let room = REFERRER_DOMAINS_PER_DAY - [...known].filter((d) => d !== OTHER_REFERRER).length;
    let other = 0;
    for (const r of list.sort((a, b) => b.hits - a.hits || (a.domain < b.domain ? -1 : 1))) {
      if (r.domain !== OTHER_REFERRER && (known.has(r.domain) || room-- > 0)) out.push(r);
      else other += r.hits;
    }
    if (other) out.push({ site_id: site, day, domain: OTHER_REFERRER, hits: other });
  }
  return out;
}

function articlesOf(m: Map<string, Map<number, number>>, day: string): Map<number, number> {
  let x = m.get(day);
  if (!x) m.set(day, (x = new Map()));
  return x;
}

/** Article views, only for articles of this site that exist (the beacon's id is not trusted). */
async function writeArticles(tx: Tx, site: number, byDay: Map<string, Map<number, number>>): Promise<void> {
  const ids = [...new Set([...byDay.values()].flatMap((m) => [...m.keys()]))];
  if (!ids.length) return;
  const add = (table: string) => sql<number>`${sql.ref(`${table}.views`)} + ${sql.ref('excluded.views')}`;
  const totals = new Map<number, number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await tx.selectFrom('articles').select('id').where('site_id', '=', site).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of found) totals.set(r.id, 0);
  }
  const daily: { site_id: number; article_id: number; day: string; views: number }[] = [];
  for (const [day, m] of byDay) {
    for (const [id, n] of m) {
      if (!totals.has(id)) continue;
      daily.push({ site_id: site, article_id: id, day, views: n });
      bump(totals, id, n);
    }
  }
  for (let i = 0; i < daily.length; i += CHUNK) {
    await tx.insertInto('stats_article_daily').values(daily.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['site_id', 'day', 'article_id']).doUpdateSet({ views: add('stats_article_daily') })).execute();
  }
  const total = [...totals].filter(([, n]) => n > 0).map(([article_id, views]) => ({ site_id: site, article_id, views }));
  for (let i = 0; i < total.length; i += CHUNK) {
    await tx.insertInto('stats_article_totals').values(total.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['site_id', 'article_id']).doUpdateSet({ views: add('stats_article_totals') })).execute();
  }
}

/** "a:12:2026-11-26" → ["a", "12", "2026-11-26"]; "r:2026-11-26:zalo.me" → ["r", day, domain]. */
function splitField(f: string): [string, string, string] {
  const i = f.indexOf(':');
  if (i < 0) return [f, '', ''];
  const j = f.indexOf(':', i + 1);
  return j < 0 ? [f.slice(0, i), f.slice(i + 1), ''] : [f.slice(0, i), f.slice(i + 1, j), f.slice(j + 1)];
}
