import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../kernel/db/connection.js';
import type { Database } from '../../kernel/db/schema.js';
import { urls } from '../../kernel/http/urls.js';
import { documentUrls } from '../documents/urls.js';
import { albumUrl } from '../albums/paths.js';
import { pollPath } from '../polls/paths.js';
import { procedureUrl } from '../procedures/fields.js';
import { qaUrls } from '../questions/labels.js';
import { clipUrl } from '../video/paths.js';
import { planCategories, type CategoryMode, type CategoryPlan } from './plan-categories.js';
import { nameKey, SlugSet } from './names.js';
import type { MergeKind } from './kinds.js';

export type { CategoryMode };

export interface MergeSite {
  id: number;
  code: string;
  name: string;
  archivedAt: string | null;
  successors: number[];
}

/** A row that keeps its place on the old site because the target already has its equal; its old address leads there. */
export interface MappedOnto {
  kind: MergeKind;
  from: string;
  to: string;
}

/** A row moved under another name (slug, document number) because the target had the first one. */
export interface Renamed {
  kind: MergeKind;
  from: string;
  to: string;
}

export interface PlannedAddress {
  fromUrl: string;
  toPath: string;
}

/**
 * Everything one old site's merge will do, read inside the transaction that then applies it (so the
 * dry run and the merge agree): how many rows of each kind move, what is mapped onto the target's
 * own rows, what is renamed, and the old addresses to record.
 */
export interface MergePlan {
  target: MergeSite;
  old: MergeSite;
  mode: CategoryMode;
  /** The old site is already an archive carried (also) by the target: its visits were added then. */
  alreadyInto: boolean;
  moved: Record<MergeKind, number>;
  mapped: MappedOnto[];
  renamed: Renamed[];
  addresses: PlannedAddress[];
  /** Existing old addresses (imported, or of earlier merges) that lead into moved items: re-pointed to the target. */
  repointed: number;
  /** Visits added to the target's counter base (0 when the old site was already an archive: they were added then). */
  visits: number;
  categories: CategoryPlan;
  articleIds: number[];
  pages: { id: number; slug: string }[];
  linkIds: number[];
  documentTypes: { moved: number[]; map: Map<number, number> };
  documents: { id: number; numberCode: string }[];
  mediaIds: number[];
  topics: { moved: { id: number; slug: string }[]; map: Map<number, number> };
  procedureIds: number[];
  /** Old public path on the old site → its path on the target, for re-pointing existing old addresses. */
  pathMap: Map<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const count = async (q: SelectQueryBuilder<Database, any, object>): Promise<number> => Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

export async function planMerge(db: Db, target: MergeSite, old: MergeSite, mode: CategoryMode): Promise<MergePlan> {
  const moved = {} as Record<MergeKind, number>;
  const mapped: MappedOnto[] = [];
  const renamed: Renamed[] = [];
  const addresses: PlannedAddress[] = [];
  const pathMap = new Map<string, string>();
  const address = (from: string, to: string) => {
    addresses.push({ fromUrl: from, toPath: to });
    pathMap.set(from, to);
  };

  // Categories (subtree under the old unit's name, or mapped by name). Once the old site is an archive
  // of the target, the categories it still has were mapped by name then: a re-run maps them again,
  // whatever mode it is given, instead of moving the empty husks.
  const alreadyInto = old.archivedAt !== null && old.successors.includes(target.id);
  const categories = await planCategories(db, target, old, alreadyInto ? 'by-name' : mode);
  moved.categories = categories.moved.length + (categories.parent ? 1 : 0);
  for (const c of categories.moved) {
    if (c.newSlug !== c.slug) renamed.push({ kind: 'categories', from: c.slug, to: c.newSlug });
    address(urls.category(c.slug), urls.category(c.newSlug));
  }
  for (const m of categories.mapped) {
    mapped.push({ kind: 'categories', from: m.name, to: m.toName });
    address(urls.category(m.slug), urls.category(m.toSlug));
  }

  // Articles and what hangs on them: ids do not change, so their paths do not either.
  const articles = await db.selectFrom('articles').select(['id', 'slug', 'legacy_id', 'legacy_url']).where('site_id', '=', old.id).orderBy('id').execute();
  moved.articles = articles.length;
  for (const a of articles) {
    const path = urls.article(a);
    address(path, path);
    if (a.legacy_id) address(`/portal/pages/-${a.legacy_id}.aspx`, path);
    if (a.legacy_url) address(a.legacy_url, path);
  }
  moved.revisions = await count(db.selectFrom('article_revisions').where('site_id', '=', old.id));
  moved.comments = await count(db.selectFrom('comments').where('site_id', '=', old.id));
  moved.ratings = await count(db.selectFrom('rating_votes').where('site_id', '=', old.id));
  moved.articleStats = await count(db.selectFrom('stats_article_totals').where('site_id', '=', old.id));

  // Static pages: slugs are unique per site.
  const targetPages = await db.selectFrom('pages').select('slug').where('site_id', '=', target.id).execute();
  const pageSlugs = new SlugSet(targetPages.map((p) => p.slug));
  const oldPages = await db.selectFrom('pages').select(['id', 'slug']).where('site_id', '=', old.id).orderBy('position').orderBy('id').execute();
  const pages = oldPages.map((p) => {
    const slug = pageSlugs.claim(p.slug);
    if (slug !== p.slug) renamed.push({ kind: 'pages', from: p.slug, to: slug });
    address(urls.page(p.slug), urls.page(slug));
    return { id: p.id, slug };
  });
  moved.pages = pages.length;

  // Links: one the target already lists (same address) is not listed twice.
  const targetUrls = new Set((await db.selectFrom('links').select('url').where('site_id', '=', target.id).execute()).map((l) => l.url.trim().toLowerCase()));
  const linkIds: number[] = [];
  for (const l of await db.selectFrom('links').select(['id', 'title', 'url']).where('site_id', '=', old.id).orderBy('position').orderBy('id').execute()) {
    if (targetUrls.has(l.url.trim().toLowerCase())) mapped.push({ kind: 'links', from: l.title, to: l.url });
    else linkIds.push(l.id);
  }
  moved.links = linkIds.length;

  // Document types by name; documents by number (the same number and date is the same document).
  const targetTypes = await db.selectFrom('document_types').select(['id', 'name']).where('site_id', '=', target.id).execute();
  const typeByName = new Map(targetTypes.map((t) => [nameKey(t.name), t.id]));
  const documentTypes = { moved: [] as number[], map: new Map<number, number>() };
  for (const t of await db.selectFrom('document_types').select(['id', 'name']).where('site_id', '=', old.id).orderBy('position').orderBy('id').execute()) {
    const onto = typeByName.get(nameKey(t.name));
    if (onto !== undefined) documentTypes.map.set(t.id, onto);
    else documentTypes.moved.push(t.id);
  }
  moved.documentTypes = documentTypes.moved.length;
  const targetDocs = await db.selectFrom('documents').select(['id', 'slug', 'number', 'number_code', 'issued_on']).where('site_id', '=', target.id).execute();
  const docByCode = new Map(targetDocs.map((d) => [d.number_code, d]));
  const codes = new SlugSet(targetDocs.map((d) => d.number_code));
  const documents: { id: number; numberCode: string }[] = [];
  const mergedDocs = new Map<number, string>();
  for (const d of await db.selectFrom('documents').select(['id', 'slug', 'number', 'number_code', 'issued_on']).where('site_id', '=', old.id).orderBy('id').execute()) {
    const same = docByCode.get(d.number_code);
    if (same && same.issued_on === d.issued_on) {
      mapped.push({ kind: 'documents', from: d.number, to: same.number });
      mergedDocs.set(d.id, documentUrls.document(same));
      address(documentUrls.document(d), documentUrls.document(same));
      continue;
    }
    const numberCode = same ? codes.claim(`${d.number_code}-${old.code}`) : codes.claim(d.number_code);
    if (numberCode !== d.number_code) renamed.push({ kind: 'documents', from: d.number, to: `${d.number} (mã tra cứu ${numberCode})` });
    documents.push({ id: d.id, numberCode });
    address(documentUrls.document(d), documentUrls.document(d));
  }
  moved.documents = documents.length;
  const files = await db.selectFrom('document_files').select(['id', 'document_id']).where('site_id', '=', old.id).orderBy('id').execute();
  moved.documentFiles = 0;
  for (const f of files) {
    const merged = mergedDocs.get(f.document_id);
    if (!merged) moved.documentFiles++;
    address(documentUrls.file(f), merged ?? documentUrls.file(f));
  }
  const movedDocIds = documents.map((d) => d.id);
  moved.draftFeedback = movedDocIds.length ? await count(db.selectFrom('draft_feedback').where('site_id', '=', old.id).where('document_id', 'in', movedDocIds)) : 0;

  // Media: everything but the photos of the old unit's people (the archive's own organisation pages show them).
  const photos = new Set((await db.selectFrom('org_people').select('photo_media_id').where('site_id', '=', old.id).execute()).map((p) => p.photo_media_id));
  const media = (await db.selectFrom('media').select(['id', 'kind', 'disk_path']).where('site_id', '=', old.id).orderBy('id').execute()).filter((m) => !photos.has(m.id));
  for (const m of media.filter((x) => x.kind === 'document')) address(`/media/${m.disk_path}`, `/media/${movedMediaPath(m.disk_path, old.code, target.code)}`);
  moved.media = media.length;

  // Hỏi đáp: topics by name, questions keep their ids.
  const targetTopics = await db.selectFrom('question_topics').select(['id', 'name', 'slug']).where('site_id', '=', target.id).execute();
  const topicByName = new Map(targetTopics.map((t) => [nameKey(t.name), t]));
  const topicSlugs = new SlugSet(targetTopics.map((t) => t.slug));
  const topics = { moved: [] as { id: number; slug: string }[], map: new Map<number, number>() };
  for (const t of await db.selectFrom('question_topics').select(['id', 'name', 'slug']).where('site_id', '=', old.id).orderBy('position').orderBy('id').execute()) {
    const onto = topicByName.get(nameKey(t.name));
    if (onto) {
      topics.map.set(t.id, onto.id);
      mapped.push({ kind: 'questionTopics', from: t.name, to: onto.name });
      address(qaUrls.topic(t.slug), qaUrls.topic(onto.slug));
      continue;
    }
    const slug = topicSlugs.claim(t.slug);
    if (slug !== t.slug) renamed.push({ kind: 'questionTopics', from: t.slug, to: slug });
    topics.moved.push({ id: t.id, slug });
    address(qaUrls.topic(t.slug), qaUrls.topic(slug));
  }
  moved.questionTopics = topics.moved.length;
  const questions = await db.selectFrom('questions').select(['id', 'slug']).where('site_id', '=', old.id).orderBy('id').execute();
  for (const q of questions) address(qaUrls.item(q), qaUrls.item(q));
  moved.questions = questions.length;

  const polls = await db.selectFrom('polls').select('id').where('site_id', '=', old.id).orderBy('id').execute();
  for (const p of polls) address(pollPath(p.id), pollPath(p.id));
  moved.polls = polls.length;

  // Albums and clips move with their media and keep their ids: the same path on the target.
  for (const a of await db.selectFrom('albums').select(['id', 'slug']).where('site_id', '=', old.id).orderBy('id').execute()) address(albumUrl(a), albumUrl(a));
  for (const c of await db.selectFrom('clips').select(['id', 'slug', 'kind']).where('site_id', '=', old.id).orderBy('id').execute()) address(clipUrl(c), clipUrl(c));

  // Procedures: the national list's code names the same procedure on every site.
  const targetProcedures = await db.selectFrom('procedures').select(['id', 'slug', 'code', 'title']).where('site_id', '=', target.id).execute();
  const procedureByCode = new Map(targetProcedures.filter((p) => p.code).map((p) => [p.code, p]));
  const procedureIds: number[] = [];
  for (const p of await db.selectFrom('procedures').select(['id', 'slug', 'code', 'title']).where('site_id', '=', old.id).orderBy('id').execute()) {
    const same = p.code ? procedureByCode.get(p.code) : undefined;
    if (same) {
      mapped.push({ kind: 'procedures', from: `${p.code} ${p.title}`, to: same.title });
      address(procedureUrl(p), procedureUrl(same));
    } else {
      procedureIds.push(p.id);
      address(procedureUrl(p), procedureUrl(p));
    }
  }
  moved.procedures = procedureIds.length;

  moved.schedule = await count(db.selectFrom('schedule_entries').where('site_id', '=', old.id));
  moved.importItems = (await importItemsToMove(db, target.id, old.id)).length;

  const articleIds = new Set(articles.map((a) => a.id));
  const existing = await db
    .selectFrom('old_addresses')
    .select(['id', 'to_path'])
    // tenancy: old addresses that lead into the old site, whichever site answers them.
    .where('to_site_id', '=', old.id)
    .execute();
  const repointed = existing.filter((r) => repointPath(r.to_path, pathMap, articleIds) !== null).length;

  // A unit split in two is counted once, by the first site it merged into.
  const visits = old.archivedAt === null ? await visitsOf(db, old.id) : 0;
  return {
    target, old, mode, alreadyInto, moved, mapped, renamed, addresses, repointed, visits, categories,
    articleIds: articles.map((a) => a.id), pages, linkIds, documentTypes, documents, mediaIds: media.map((m) => m.id), topics, procedureIds, pathMap,
  };
}

/** The path on the target an existing old address into the old site should lead to now; null when its item stays. */
export function repointPath(toPath: string, pathMap: Map<string, string>, articleIds: Set<number>): string | null {
  const known = pathMap.get(toPath);
  if (known !== undefined) return known;
  // An article renamed after the import: its id still names it.
  const id = /^\/bai-viet\/[^/]*-(\d+)$/.exec(toPath)?.[1];
  return id && articleIds.has(Number(id)) ? toPath : null;
}

/** A stored file's key in the target's folder ("honglinh/2024/05/x.jpg" → "bachonglinh/2024/05/x.jpg"). */
export function movedMediaPath(diskPath: string, oldCode: string, targetCode: string): string {
  return diskPath.startsWith(`${oldCode}/`) ? `${targetCode}/${diskPath.slice(oldCode.length + 1)}` : diskPath;
}

/** The old site's visit total as its counter shows it: the base it started from plus the views counted since. */
async function visitsOf(db: Db, siteId: number): Promise<number> {
  // tenancy: the site row itself, by its id.
  const site = await db.selectFrom('sites').select('counter_base').where('id', '=', siteId).executeTakeFirstOrThrow();
  const stats = await db.selectFrom('site_stats').select('page_views').where('site_id', '=', siteId).executeTakeFirst();
  return Number(site.counter_base) + Number(stats?.page_views ?? 0);
}

/** The old site's import records the target has no record of the same source item for (those stay with the archive). */
export async function importItemsToMove(db: Db, targetId: number, oldId: number): Promise<{ source: string; kind: string; source_id: string }[]> {
  const key = (i: { source: string; kind: string; source_id: string }) => JSON.stringify([i.source, i.kind, i.source_id]);
  const taken = new Set((await db.selectFrom('import_items').select(['source', 'kind', 'source_id']).where('site_id', '=', targetId).execute()).map(key));
  const items = await db.selectFrom('import_items').select(['source', 'kind', 'source_id']).where('site_id', '=', oldId).orderBy('source').orderBy('kind').orderBy('source_id').execute();
  return items.filter((i) => !taken.has(key(i)));
}

/** Total rows the plan moves (what progress counts). */
export const totalMoved = (p: MergePlan): number => Object.values(p.moved).reduce((a, b) => a + b, 0);
