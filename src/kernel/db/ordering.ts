import type { Db } from './connection.js';

/** Lists that people order with "move up / move down" buttons; each row has site_id and position. */
export type OrderedTable = 'links' | 'songs' | 'map_offices' | 'pages' | 'menu_items';
export type Direction = 'up' | 'down';

/** The ids with `id` swapped with its neighbour; null when it is not there or already at that end. */
export function swapped(ids: number[], id: number, dir: Direction): number[] | null {
  const i = ids.indexOf(id);
  const j = dir === 'up' ? i - 1 : i + 1;
  if (i === -1 || j < 0 || j >= ids.length) return null;
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export async function listOrder(tx: Db, table: OrderedTable, siteId: number): Promise<{ id: number; position: number }[]> {
  return tx.selectFrom(table).select(['id', 'position']).where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}

/** Writes positions 0..n-1 in the given order, touching only the rows whose position changes. */
export async function writeOrder(tx: Db, table: OrderedTable, siteId: number, current: { id: number; position: number }[], ids: number[]): Promise<void> {
  const was = new Map(current.map((r) => [r.id, r.position]));
  for (const [position, id] of ids.entries()) {
    if (was.get(id) === position) continue;
    await tx.updateTable(table).set({ position }).where('site_id', '=', siteId).where('id', '=', id).execute();
  }
}

/** The position after the last row of the site's list. */
export async function nextPosition(tx: Db, table: OrderedTable, siteId: number): Promise<number> {
  const r = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('p'))
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  const p = r?.p as number | string | null | undefined;
  return p === null || p === undefined ? 0 : Number(p) + 1;
}
