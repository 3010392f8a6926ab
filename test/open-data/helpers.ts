import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/kernel/db/connection.js';
import type { Database } from '../../src/kernel/db/schema.js';
import { NAM_HONG_LINH } from '../helpers/app.js';

export function apiGet(app: FastifyInstance, url: string, host = NAM_HONG_LINH, headers: Record<string, string> = {}) {
  return app.inject({ url, headers: { host, ...headers } });
}

export interface Page<T = Record<string, unknown>> {
  data: T[];
  nextCursor: string | null;
  next: string | null;
}

/**
 * Follows the `next` links from `url` to the last page; `between` runs after each page (the
 * writes of another client while this one walks). Returns every item in the order received.
 */
export async function walk(app: FastifyInstance, url: string, host = NAM_HONG_LINH, between?: (page: number) => Promise<void>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let next: string | null = url;
  for (let n = 0; next; n++) {
    assert.ok(n < 500, 'the walk ends');
    const res = await apiGet(app, next, host);
    assert.equal(res.statusCode, 200, `${next}: ${res.body}`);
    const page = res.json() as Page;
    items.push(...page.data);
    assert.equal(page.next === null, page.nextCursor === null, 'next and nextCursor go together');
    if (page.next) {
      const u = new URL(page.next);
      assert.equal(u.host, host, 'the next link is on the site asked');
      assert.equal(u.searchParams.get('cursor'), page.nextCursor);
      next = u.pathname + u.search;
    } else {
      next = null;
    }
    if (next && between) await between(n);
  }
  return items;
}

type Table = keyof Database;

/** A copy of one of the site's rows (a new id), with `changes`: test rows that satisfy every column. */
export async function cloneRow(db: Db, table: Table, siteId: number, changes: Record<string, unknown>): Promise<number> {
  // tenancy: the row copied is the site's own.
  const row = (await db.selectFrom(table).selectAll().where('site_id' as never, '=', siteId as never).executeTakeFirstOrThrow()) as Record<string, unknown>;
  const { id: _id, ...rest } = row;
  const inserted = await db
    .insertInto(table)
    .values({ ...rest, ...changes } as never)
    .returning('id' as never)
    .executeTakeFirstOrThrow();
  return Number((inserted as { id: number }).id);
}

/** Ids of a site's rows in a table. */
export async function idsOf(db: Db, table: Table, siteId: number): Promise<Set<number>> {
  const rows = (await db.selectFrom(table).select('id' as never).where('site_id' as never, '=', siteId as never).execute()) as { id: number }[];
  return new Set(rows.map((r) => Number(r.id)));
}

/** Asserts that the list holds no id twice. */
export function assertNoRepeats(items: Record<string, unknown>[], what: string): number[] {
  const ids = items.map((i) => i.id as number);
  assert.equal(new Set(ids).size, ids.length, `${what}: an item came twice`);
  return ids;
}
