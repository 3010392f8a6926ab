import { slugify } from '../../kernel/lib/text.js';
import { urls } from '../../kernel/http/urls.js';
import { childrenOf, loadCategories, renumberTree } from '../articles/category-tree.js';
import { parentsFirst } from './check-references.js';
import { count, recordOldUrls, type WriteContext } from './write-context.js';

/**
 * Categories, parents first. A category of an earlier run is renamed and moved as the source
 * says; a new one whose slug the site already has reuses that category (a site created from a
 * model already has "Tin tức"); two new ones with the same slug get "-2", "-3". New ones go at
 * the end of their parent's children; the tree is renumbered once at the end.
 */
export async function writeCategories(cx: WriteContext): Promise<void> {
  const { tx, site } = cx;
  const rows = await loadCategories(tx, site.id);
  const preExisting = new Map(rows.map((r) => [r.slug, r]));
  const taken = new Set(rows.map((r) => r.slug));
  let end = rows.length ? Math.max(...rows.map((r) => r.position)) + 1 : 0;

  for (const c of parentsFirst(cx.plan.categories)) {
    const parentId = c.parent === null ? null : cx.items.get('category', c.parent) ?? null;
    const earlier = cx.items.get('category', c.id);
    const row = earlier === undefined ? undefined : rows.find((r) => r.id === earlier);
    if (row) {
      const position = row.parent_id === parentId ? row.position : end++;
      await tx.updateTable('categories').set({ name: c.name, parent_id: parentId, position }).where('site_id', '=', site.id).where('id', '=', row.id).execute();
      Object.assign(row, { name: c.name, parent_id: parentId, position });
      cx.items.set('category', c.id, row.id);
      recordOldUrls(cx, c.oldUrls, urls.category(row.slug));
      count(cx, 'category', true);
      cx.tick();
      continue;
    }
    const wanted = c.slug ?? (slugify(c.name) || 'chuyen-muc');
    const same = preExisting.get(wanted);
    if (same) {
      cx.items.set('category', c.id, same.id);
      recordOldUrls(cx, c.oldUrls, urls.category(same.slug));
      count(cx, 'category', true);
      cx.tick();
      continue;
    }
    let slug = wanted;
    for (let n = 2; taken.has(slug); n++) slug = `${wanted.slice(0, 75)}-${n}`;
    taken.add(slug);
    const values = { site_id: site.id, name: c.name, slug, parent_id: parentId, position: end++ };
    const { id } = await tx.insertInto('categories').values(values).returning('id').executeTakeFirstOrThrow();
    rows.push({ ...values, id });
    cx.items.set('category', c.id, id);
    recordOldUrls(cx, c.oldUrls, urls.category(slug));
    count(cx, 'category', false);
    cx.tick();
  }
  await renumberTree(tx, site.id, childrenOf(rows));
}
