import type { Db } from '../../kernel/db/connection.js';
import type { CategoryRow } from '../../kernel/db/schema.js';

/**
 * The category tree. `position` holds each category's place in the whole tree walked depth
 * first, so every existing "order by position" (menu, home page blocks) lists parents before
 * their children without knowing about the tree. Every change of order or parent renumbers.
 */
export type CategoryNode = Pick<CategoryRow, 'id' | 'parent_id' | 'position'>;

export interface TreeEntry<T extends CategoryNode> {
  row: T;
  depth: number;
}

/** Siblings in their current order, keyed by parent id (null: the top level). */
export function childrenOf<T extends CategoryNode>(rows: T[]): Map<number | null, T[]> {
  const ids = new Set(rows.map((r) => r.id));
  const map = new Map<number | null, T[]>();
  const sorted = [...rows].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const r of sorted) {
    // A parent that no longer exists puts the category back at the top level.
    const key = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    if (!map.has(key)) map.set(key, []);
    map.get(key)!.push(r);
  }
  return map;
}

/** Depth-first walk; anything unreachable (a damaged cycle) is appended at the top level. */
export function walkTree<T extends CategoryNode>(children: Map<number | null, T[]>): TreeEntry<T>[] {
  const out: TreeEntry<T>[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      out.push({ row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  for (const list of children.values()) {
    for (const row of list) {
      if (!seen.has(row.id)) {
        seen.add(row.id);
        out.push({ row, depth: 0 });
      }
    }
  }
  return out;
}

export function treeOrder<T extends CategoryNode>(rows: T[]): TreeEntry<T>[] {
  return walkTree(childrenOf(rows));
}

/** The category and everything under it. */
export function subtreeIds(rows: CategoryNode[], id: number): Set<number> {
  const children = childrenOf(rows);
  const out = new Set<number>();
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    if (out.has(cur)) continue;
    out.add(cur);
    for (const c of children.get(cur) ?? []) stack.push(c.id);
  }
  return out;
}

/** Writes the depth-first positions of the given tree, touching only the rows that change. */
export async function renumberTree(tx: Db, siteId: number, children: Map<number | null, CategoryNode[]>): Promise<void> {
  for (const [position, { row }] of walkTree(children).entries()) {
    if (row.position === position) continue;
    await tx.updateTable('categories').set({ position }).where('site_id', '=', siteId).where('id', '=', row.id).execute();
  }
}

export async function loadCategories(tx: Db, siteId: number): Promise<CategoryRow[]> {
  return tx.selectFrom('categories').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
}
