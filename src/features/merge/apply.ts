import { buffer } from 'node:stream/consumers';
import type { Db } from '../../kernel/db/connection.js';
import type { Insertable } from 'kysely';
import type { MediaVariant } from '../../kernel/db/tables/media.js';
import type { OldAddressesTable } from '../../kernel/db/tables/moves.js';
import { writeAudit } from '../../kernel/audit.js';
import { markArchived } from '../../kernel/sites/archive.js';
import { oldAddressKey } from '../../kernel/sites/old-addresses.js';
import type { MediaStorage } from '../../kernel/storage/media-storage.js';
import { treeOrder } from '../articles/category-tree.js';
import { engineOf } from '../search/indexer.js';
import type { MergeKind } from './kinds.js';
import { importItemsToMove, movedMediaPath, repointPath, type MergePlan } from './plan.js';

export interface ApplyOptions {
  /** Where the moved files are copied; null in a dry run (which rolls its transaction back). */
  media: MediaStorage | null;
  now: Date;
  actorId: number | null;
  /** Called after each kind of rows has moved, with how many. */
  step?: (kind: MergeKind, n: number) => void;
}

const CHUNK = 500;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Carries out one old site's plan inside the caller's transaction (made by `planMerge` in the same
 * transaction). Ids never change, so foreign keys between moved rows hold; what changes is the
 * site, the names that clashed, and where old addresses lead. See kinds.ts for every table.
 */
export async function applyMerge(tx: Db, plan: MergePlan, o: ApplyOptions): Promise<void> {
  const { target, old } = plan;
  const step = (kind: MergeKind) => o.step?.(kind, plan.moved[kind]);
  const mediaLinks = (html: string) => html.split(`/media/${old.code}/`).join(`/media/${target.code}/`);

  await moveCategories(tx, plan);
  step('categories');

  for (const m of plan.categories.mapped) {
    await tx.updateTable('articles').set({ category_id: m.toId }).where('site_id', '=', old.id).where('category_id', '=', m.id).execute();
  }
  const bodies = await tx.selectFrom('articles').select(['id', 'body_html']).where('site_id', '=', old.id).where('body_html', 'like', `%/media/${old.code}/%`).execute();
  for (const b of bodies) await tx.updateTable('articles').set({ body_html: mediaLinks(b.body_html) }).where('site_id', '=', old.id).where('id', '=', b.id).execute();
  await tx.updateTable('articles').set({ site_id: target.id, legacy_id: null, legacy_url: '' }).where('site_id', '=', old.id).execute();
  step('articles');
  await tx.updateTable('article_revisions').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  // A pending edit and its editors stay with their article: the two-person rule holds on the target.
  await tx.updateTable('article_pending_edits').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  await tx.updateTable('article_editors').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  step('revisions');
  await tx.updateTable('comments').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  step('comments');
  await tx.updateTable('rating_votes').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  step('ratings');
  await tx.updateTable('stats_article_totals').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  await tx.updateTable('stats_article_daily').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  step('articleStats');
  for (const ids of chunks(plan.articleIds)) {
    const rows = await tx.selectFrom('articles').select(['id', 'site_id', 'category_id', 'title', 'sapo', 'body_html', 'published_at', 'status']).where('site_id', '=', target.id).where('id', 'in', ids).execute();
    await engineOf(tx).indexMany(tx, rows);
  }

  let base = await nextPosition(tx, 'pages', target.id);
  for (const p of plan.pages) {
    const row = await tx.selectFrom('pages').select('body_html').where('site_id', '=', old.id).where('id', '=', p.id).executeTakeFirstOrThrow();
    await tx.updateTable('pages').set({ site_id: target.id, slug: p.slug, position: base++, body_html: mediaLinks(row.body_html) }).where('site_id', '=', old.id).where('id', '=', p.id).execute();
  }
  step('pages');
  base = await nextPosition(tx, 'links', target.id);
  for (const id of plan.linkIds) await tx.updateTable('links').set({ site_id: target.id, position: base++ }).where('site_id', '=', old.id).where('id', '=', id).execute();
  step('links');

  await moveDocuments(tx, plan);
  step('documentTypes');
  step('documents');
  step('documentFiles');
  step('draftFeedback');

  await moveMedia(tx, plan, o.media);
  step('media');

  base = await nextPosition(tx, 'question_topics', target.id);
  for (const t of plan.topics.moved) {
    await tx.updateTable('question_topics').set({ site_id: target.id, slug: t.slug, position: base++ }).where('site_id', '=', old.id).where('id', '=', t.id).execute();
  }
  for (const [from, to] of plan.topics.map) await tx.updateTable('questions').set({ topic_id: to }).where('site_id', '=', old.id).where('topic_id', '=', from).execute();
  step('questionTopics');
  await tx.updateTable('questions').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  step('questions');
  await tx.updateTable('polls').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  await tx.updateTable('poll_options').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  await tx.updateTable('poll_votes').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  step('polls');
  for (const ids of chunks(plan.procedureIds)) await tx.updateTable('procedures').set({ site_id: target.id }).where('site_id', '=', old.id).where('id', 'in', ids).execute();
  step('procedures');
  await tx.updateTable('schedule_entries').set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  step('schedule');
  // Albums and clips go with the pictures and recordings they show (moved with the media above).
  for (const table of ['albums', 'album_photos', 'clips'] as const) {
    await tx.updateTable(table).set({ site_id: target.id }).where('site_id', '=', old.id).execute();
  }
  for (const i of await importItemsToMove(tx, target.id, old.id)) {
    await tx.updateTable('import_items').set({ site_id: target.id }).where('site_id', '=', old.id).where('source', '=', i.source).where('kind', '=', i.kind).where('source_id', '=', i.source_id).execute();
  }
  step('importItems');

  await moveOldAddresses(tx, plan, o.now);

  if (plan.visits > 0) {
    // tenancy: the target site's own row, by its id.
    await tx.updateTable('sites').set((eb) => ({ counter_base: eb('counter_base', '+', plan.visits) })).where('id', '=', target.id).execute();
  }
  await markArchived(tx, old.id, [...new Set([...old.successors, target.id])], o.now);
  await writeAudit(tx, {
    siteId: target.id,
    userId: o.actorId,
    action: 'site.merge',
    entityType: 'site',
    entityId: old.id,
    before: { code: old.code, name: old.name, archived_at: old.archivedAt, successors: old.successors },
    after: { into: target.code, mode: plan.mode, moved: plan.moved, mapped: plan.mapped.length, renamed: plan.renamed, old_addresses: plan.addresses.length, repointed: plan.repointed, visits: plan.visits },
  }, o.now);
}

type Ordered = 'pages' | 'links' | 'question_topics' | 'document_types' | 'categories';
async function nextPosition(tx: Db, table: Ordered, siteId: number): Promise<number> {
  const r = await tx.selectFrom(table).select((eb) => eb.fn.max<number>('position').as('m')).where('site_id', '=', siteId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** The old tree moves (under the unit's parent, or beside the target's), then the target's whole tree is renumbered depth first. */
async function moveCategories(tx: Db, plan: MergePlan): Promise<void> {
  const { target, old, categories } = plan;
  if (!categories.moved.length && !categories.parent) return;
  const base = await nextPosition(tx, 'categories', target.id);
  let unitId: number | null = null;
  if (categories.parent) {
    const row = await tx.insertInto('categories').values({ site_id: target.id, slug: categories.parent.slug, name: categories.parent.name, position: base, parent_id: null }).returning('id').executeTakeFirstOrThrow();
    unitId = row.id;
  }
  for (const c of categories.moved) {
    await tx
      .updateTable('categories')
      .set((eb) => ({ site_id: target.id, slug: c.newSlug, parent_id: c.parentId ?? unitId, position: eb('position', '+', base + 1) }))
      .where('site_id', '=', old.id)
      .where('id', '=', c.id)
      .execute();
  }
  const tree = treeOrder(await tx.selectFrom('categories').select(['id', 'parent_id', 'position']).where('site_id', '=', target.id).execute());
  for (const [i, { row }] of tree.entries()) {
    if (row.position !== i + 1) await tx.updateTable('categories').set({ position: i + 1 }).where('site_id', '=', target.id).where('id', '=', row.id).execute();
  }
}

async function moveDocuments(tx: Db, plan: MergePlan): Promise<void> {
  const { target, old } = plan;
  let base = await nextPosition(tx, 'document_types', target.id);
  for (const id of plan.documentTypes.moved) await tx.updateTable('document_types').set({ site_id: target.id, position: base++ }).where('site_id', '=', old.id).where('id', '=', id).execute();
  const ids = plan.documents.map((d) => d.id);
  for (const part of chunks(ids)) {
    for (const [from, to] of plan.documentTypes.map) {
      await tx.updateTable('documents').set({ type_id: to }).where('site_id', '=', old.id).where('type_id', '=', from).where('id', 'in', part).execute();
    }
  }
  for (const d of plan.documents) await tx.updateTable('documents').set({ site_id: target.id, number_code: d.numberCode }).where('site_id', '=', old.id).where('id', '=', d.id).execute();
  for (const part of chunks(ids)) {
    await tx.updateTable('document_files').set({ site_id: target.id }).where('site_id', '=', old.id).where('document_id', 'in', part).execute();
    await tx.updateTable('draft_feedback').set({ site_id: target.id }).where('site_id', '=', old.id).where('document_id', 'in', part).execute();
  }
  // A relation moves when both its documents did; one to a document that stayed stays with it.
  const moved = new Set(ids);
  const relations = await tx.selectFrom('document_relations').select(['document_id', 'related_id']).where('site_id', '=', old.id).execute();
  for (const r of relations.filter((x) => moved.has(x.document_id) && moved.has(x.related_id))) {
    await tx.updateTable('document_relations').set({ site_id: target.id }).where('site_id', '=', old.id).where('document_id', '=', r.document_id).where('related_id', '=', r.related_id).execute();
  }
}

/** Files are copied into the target's folder (a site serves only its own); the originals stay for the archive. */
async function moveMedia(tx: Db, plan: MergePlan, media: MediaStorage | null): Promise<void> {
  const { target, old } = plan;
  for (const ids of chunks(plan.mediaIds)) {
    const rows = await tx.selectFrom('media').select(['id', 'disk_path', 'variants', 'mime']).where('site_id', '=', old.id).where('id', 'in', ids).execute();
    for (const m of rows) {
      const variants = JSON.parse(m.variants) as MediaVariant[];
      const diskPath = movedMediaPath(m.disk_path, old.code, target.code);
      if (media) await copyFile(media, m.disk_path, diskPath, m.mime);
      for (const v of variants) {
        const to = movedMediaPath(v.path, old.code, target.code);
        if (media) await copyFile(media, v.path, to, `image/${v.format}`);
        v.path = to;
      }
      await tx.updateTable('media').set({ site_id: target.id, disk_path: diskPath, variants: JSON.stringify(variants) }).where('site_id', '=', old.id).where('id', '=', m.id).execute();
    }
  }
}

async function copyFile(media: MediaStorage, from: string, to: string, contentType: string): Promise<void> {
  if (from === to || (await media.head(to))) return;
  const got = await media.get(from);
  if (!got) return; // a file already missing stays missing; the row still moves
  await media.put(to, await buffer(got.body), got.contentType ?? contentType);
}

/** Existing old addresses into moved items now lead to the target; then every moved item's old path gets one. */
async function moveOldAddresses(tx: Db, plan: MergePlan, now: Date): Promise<void> {
  const { target, old } = plan;
  const articleIds = new Set(plan.articleIds);
  // tenancy: old addresses leading into the old site, whichever site answers them (the kernel table is keyed by owner).
  const existing = await tx.selectFrom('old_addresses').select(['id', 'to_path']).where('to_site_id', '=', old.id).execute();
  for (const r of existing) {
    const to = repointPath(r.to_path, plan.pathMap, articleIds);
    // tenancy: the row was found above by the site it leads to.
    if (to !== null) await tx.updateTable('old_addresses').set({ to_site_id: target.id, to_path: to }).where('id', '=', r.id).execute();
  }
  // What recordOldAddress does one by one, in batches: the same (key, host '', owner) again now leads to the new place.
  const wanted = new Map<string, { fromUrl: string; toPath: string }>();
  for (const a of plan.addresses) wanted.set(oldAddressKey(a.fromUrl), a);
  const known = new Map<string, number>();
  for (const keys of chunks([...wanted.keys()])) {
    const rows = await tx.selectFrom('old_addresses').select(['id', 'from_key']).where('owner_site_id', '=', old.id).where('host', '=', '').where('from_key', 'in', keys).execute();
    for (const r of rows) known.set(r.from_key, r.id);
  }
  const fresh: Insertable<OldAddressesTable>[] = [];
  for (const [from_key, a] of wanted) {
    const id = known.get(from_key);
    const row = { from_url: a.fromUrl, to_site_id: target.id, to_path: a.toPath, source: 'merge' };
    // tenancy: the row was found above by its owner site.
    if (id !== undefined) await tx.updateTable('old_addresses').set(row).where('id', '=', id).execute();
    else fresh.push({ ...row, host: '', owner_site_id: old.id, from_key, created_at: now.toISOString() });
  }
  for (const part of chunks(fresh)) await tx.insertInto('old_addresses').values(part).execute();
}
