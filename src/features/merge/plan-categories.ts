import type { Db } from '../../kernel/db/connection.js';
import { treeOrder } from '../articles/category-tree.js';
import type { MergeSite } from './plan.js';
import { nameKey, SlugSet, unitName, unitSlug } from './names.js';

/** 'subtree': the old tree under a parent named after the old unit; 'by-name': onto the target's categories of the same name. */
export type CategoryMode = 'subtree' | 'by-name';

export interface CategoryPlan {
  /** The parent category made for the old unit (subtree mode). */
  parent: { name: string; slug: string } | null;
  /** Old categories that move, in tree order; parentId null under the unit's parent (subtree) or at the top (by-name). */
  moved: { id: number; slug: string; newSlug: string; parentId: number | null }[];
  /** Old categories whose articles go into the target's category of the same name; they stay with the archive, empty. */
  mapped: { id: number; slug: string; name: string; toId: number; toSlug: string; toName: string }[];
}

export async function planCategories(db: Db, target: MergeSite, old: MergeSite, mode: CategoryMode): Promise<CategoryPlan> {
  const mine = await db.selectFrom('categories').select(['id', 'slug', 'name', 'parent_id', 'position']).where('site_id', '=', target.id).execute();
  const theirs = treeOrder(await db.selectFrom('categories').select(['id', 'slug', 'name', 'parent_id', 'position']).where('site_id', '=', old.id).execute());
  const slugs = new SlugSet(mine.map((c) => c.slug));
  const plan: CategoryPlan = { parent: null, moved: [], mapped: [] };
  if (!theirs.length) return plan;
  if (mode === 'subtree') {
    plan.parent = { name: unitName(old.name), slug: slugs.claim(unitSlug(old.name)) };
    for (const { row } of theirs) plan.moved.push({ id: row.id, slug: row.slug, newSlug: slugs.claim(row.slug), parentId: row.parent_id });
    return plan;
  }
  const byName = new Map<string, (typeof mine)[number]>();
  for (const c of treeOrder(mine)) if (!byName.has(nameKey(c.row.name))) byName.set(nameKey(c.row.name), c.row);
  const mappedTo = new Map<number, number>();
  for (const { row } of theirs) {
    const onto = byName.get(nameKey(row.name));
    if (onto) {
      mappedTo.set(row.id, onto.id);
      plan.mapped.push({ id: row.id, slug: row.slug, name: row.name, toId: onto.id, toSlug: onto.slug, toName: onto.name });
      continue;
    }
    // Under its parent's new place: the target's category it was mapped onto, or its moved parent (same id).
    const parentId = row.parent_id === null ? null : (mappedTo.get(row.parent_id) ?? row.parent_id);
    plan.moved.push({ id: row.id, slug: row.slug, newSlug: slugs.claim(row.slug), parentId });
  }
  return plan;
}
