import type { Db } from '../../kernel/db/connection.js';

/** How many rows of each kind a new site took from its model. */
export interface CopiedCounts {
  categories: number;
  menu: number;
  pages: number;
  links: number;
  documentTypes: number;
  procedures: number;
  units: number;
}

/**
 * `cong create-site --from <model>`: a new ward starts with the structure of a model site, not its
 * news. Copied: the category tree (slugs, names, positions), static pages, the header menu
 * (pointing at the copies), website links, document types, the administrative procedures list
 * (national procedures, the same for every commune) and the organisation skeleton: units with
 * their names and duties. Not copied: articles, documents, media, songs, map offices, questions,
 * polls, and anything about people — the model's staff (org_people), the units' phone numbers and
 * e-mail addresses and the agency's own contact row belong to the model's authority, and a
 * person's name and post are personal data (Nghị định 13/2023) that the new ward has no reason
 * to publish. Runs in the caller's transaction.
 */
export async function copyModelStructure(tx: Db, fromId: number, toId: number, stamp: string): Promise<CopiedCounts> {
  const categories = await copyCategories(tx, fromId, toId);
  const pages = await copyPages(tx, fromId, toId, stamp);
  const menu = await copyMenu(tx, fromId, toId, categories, pages);

  const links = await tx.selectFrom('links').select(['title', 'url', 'position']).where('site_id', '=', fromId).orderBy('id').execute();
  for (const l of links) await tx.insertInto('links').values({ ...l, site_id: toId }).execute();

  const types = await tx.selectFrom('document_types').select(['name', 'position']).where('site_id', '=', fromId).orderBy('id').execute();
  for (const t of types) await tx.insertInto('document_types').values({ ...t, site_id: toId, created_at: stamp }).execute();

  const procedures = await tx.selectFrom('procedures').selectAll().where('site_id', '=', fromId).orderBy('id').execute();
  for (const { id: _id, ...p } of procedures) await tx.insertInto('procedures').values({ ...p, site_id: toId, created_at: stamp, updated_at: stamp }).execute();

  const units = await copyUnits(tx, fromId, toId, stamp);
  return { categories: categories.size, menu, pages: pages.size, links: links.length, documentTypes: types.length, procedures: procedures.length, units };
}

/** Parents before children (a child moved under a newer parent has the smaller id), each level by id. */
function byDepth<T extends { id: number; parent_id: number | null }>(rows: T[]): T[] {
  const out: T[] = [];
  const placed = new Set<number>();
  let level = rows.filter((r) => r.parent_id === null || !rows.some((p) => p.id === r.parent_id));
  while (level.length) {
    level.sort((a, b) => a.id - b.id);
    for (const r of level) placed.add(r.id);
    out.push(...level);
    level = rows.filter((r) => !placed.has(r.id) && r.parent_id !== null && placed.has(r.parent_id));
  }
  return out;
}

async function copyCategories(tx: Db, fromId: number, toId: number): Promise<Map<number, number>> {
  const rows = await tx.selectFrom('categories').select(['id', 'slug', 'name', 'position', 'parent_id']).where('site_id', '=', fromId).execute();
  const ids = new Map<number, number>();
  for (const c of byDepth(rows)) {
    const parent = c.parent_id === null ? null : ids.get(c.parent_id) ?? null;
    const { id } = await tx
      .insertInto('categories')
      .values({ site_id: toId, slug: c.slug, name: c.name, position: c.position, parent_id: parent })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(c.id, id);
  }
  return ids;
}

async function copyPages(tx: Db, fromId: number, toId: number, stamp: string): Promise<Map<number, number>> {
  const rows = await tx.selectFrom('pages').select(['id', 'slug', 'title', 'body_html', 'position']).where('site_id', '=', fromId).orderBy('id').execute();
  const ids = new Map<number, number>();
  for (const { id: old, ...p } of rows) {
    const { id } = await tx.insertInto('pages').values({ ...p, site_id: toId, updated_at: stamp }).returning('id').executeTakeFirstOrThrow();
    ids.set(old, id);
  }
  return ids;
}

async function copyMenu(tx: Db, fromId: number, toId: number, categories: Map<number, number>, pages: Map<number, number>): Promise<number> {
  const rows = await tx.selectFrom('menu_items').select(['category_id', 'page_id', 'section', 'position']).where('site_id', '=', fromId).orderBy('position').orderBy('id').execute();
  let n = 0;
  for (const m of rows) {
    const category = m.category_id === null ? null : categories.get(m.category_id) ?? null;
    const page = m.page_id === null ? null : pages.get(m.page_id) ?? null;
    if (category === null && page === null && m.section === null) continue;
    await tx.insertInto('menu_items').values({ site_id: toId, category_id: category, page_id: page, section: m.section, position: m.position }).execute();
    n++;
  }
  return n;
}

async function copyUnits(tx: Db, fromId: number, toId: number, stamp: string): Promise<number> {
  const rows = await tx.selectFrom('org_units').select(['id', 'parent_id', 'position', 'name', 'name_en', 'duties', 'duties_en', 'en_updated_at']).where('site_id', '=', fromId).execute();
  const ids = new Map<number, number>();
  for (const u of byDepth(rows)) {
    const { id } = await tx
      .insertInto('org_units')
      .values({
        site_id: toId,
        parent_id: u.parent_id === null ? null : ids.get(u.parent_id) ?? null,
        position: u.position,
        name: u.name,
        name_en: u.name_en,
        duties: u.duties,
        duties_en: u.duties_en,
        phone: '',
        email: '',
        vi_updated_at: stamp,
        en_updated_at: u.en_updated_at === null ? null : stamp,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(u.id, id);
  }
  return ids.size;
}
