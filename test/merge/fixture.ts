import { sql } from 'kysely';
import { seedDemoIfEmpty } from '../../src/demo.js';
import type { Db } from '../../src/kernel/db/connection.js';
import { recordOldAddress } from '../../src/kernel/sites/old-addresses.js';
import { insertSite } from '../../src/kernel/sites/repo.js';
import type { TestDb } from '../helpers/db.js';

export const NOW = new Date('2026-12-02T10:00:00.000Z');
export const T0 = '2026-11-01T00:00:00.000Z';

/**
 * A merge in miniature, on top of the demo: its two live wards (Nam Hồng Lĩnh = 1, Bắc Hồng Lĩnh = 2,
 * whose categories and pages share slugs) folded into a new site (4; the demo's archived former
 * town is 3) that already has a "Thông báo" category and a "gioi-thieu" page. Both old sites have
 * an article with legacy id 123456, with a revision, a comment, a vote and view totals; site 1 has
 * an image in the library used in that article's body, an imported old address and an import record.
 */
export async function seedMergeFixture(db: TestDb): Promise<{ target: number; legacyArticles: [number, number]; sameDocument: number; clashingDocument: number; numbers: string[] }> {
  await seedDemoIfEmpty(db, db.media);
  const d = db.db;
  const settings = (await d.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings;
  const target = await insertSite(d, { code: 'honglinhmoi', name: 'Cổng thông tin điện tử phường Hồng Lĩnh', isDefault: false, settings: JSON.parse(settings), counterBase: 500, hosts: ['honglinhmoi.localhost'] }, T0);
  await d.insertInto('categories').values({ site_id: target, slug: 'thong-bao', name: 'Thông báo', position: 1, parent_id: null }).execute();
  await d.insertInto('pages').values({ site_id: target, slug: 'gioi-thieu', title: 'Giới thiệu phường', body_html: '<p>Phường mới.</p>', position: 1, updated_at: T0 }).execute();
  await d.updateTable('sites').set({ counter_base: 1_000_000 }).where('id', '=', 1).execute();
  await d.updateTable('site_stats').set({ page_views: 2345 }).where('site_id', '=', 1).execute();
  await d.updateTable('sites').set({ counter_base: 70_000 }).where('id', '=', 2).execute();
  await d.updateTable('site_stats').set({ page_views: 11 }).where('site_id', '=', 2).execute();

  await db.media.put('namhonglinh/2024/05/abc123-anh-cau.jpg', Buffer.from('jpeg bytes'), 'image/jpeg');
  const media = await d.insertInto('media').values({ site_id: 1, kind: 'image', original_name: 'anh-cau.jpg', title: 'Ảnh cầu', disk_path: 'namhonglinh/2024/05/abc123-anh-cau.jpg', mime: 'image/jpeg', bytes: 10, width: 4, height: 3, variants: '[]', uploaded_by: null, created_at: T0 }).returning('id').executeTakeFirstOrThrow();

  const legacy: number[] = [];
  for (const siteId of [1, 2]) {
    const a = await d.selectFrom('articles').select(['id', 'slug', 'body_html']).where('site_id', '=', siteId).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    legacy.push(a.id);
    await d.updateTable('articles').set({ legacy_id: null }).where('site_id', '=', siteId).where('legacy_id', '=', '123456').execute();
    const body = siteId === 1 ? `${a.body_html}<p><img src="/media/namhonglinh/2024/05/abc123-anh-cau.jpg" alt="Cầu"></p>` : a.body_html;
    await d.updateTable('articles').set({ legacy_id: '123456', body_html: body, cover_media_id: siteId === 1 ? media.id : null }).where('id', '=', a.id).execute();
    await d.insertInto('article_revisions').values({ article_id: a.id, site_id: siteId, snapshot: '{}', created_by: null, created_at: T0 }).execute();
    await d.insertInto('comments').values({ site_id: siteId, article_id: a.id, parent_id: null, author_name: 'Nguyễn Văn An', author_email: '', content: 'Bài hay.', content_hash: `h${siteId}`, status: 'published', user_id: null, created_at: T0, updated_at: T0, published_at: T0, moderated_by: null, moderated_at: null }).execute();
    await d.insertInto('rating_votes').values({ article_id: a.id, site_id: siteId, voter: `v${siteId}`, visitor: `x${siteId}`, stars: 4, created_at: T0, updated_at: T0 }).execute();
    await d.insertInto('stats_article_totals').values({ site_id: siteId, article_id: a.id, views: 100 * siteId }).execute();
  }
  const a1 = await d.selectFrom('articles').select(['id', 'slug']).where('id', '=', legacy[0]!).executeTakeFirstOrThrow();
  await recordOldAddress(d, { host: 'namhonglinh.hatinh.gov.vn', ownerSiteId: 1, fromUrl: 'http://namhonglinh.hatinh.gov.vn/tin-tuc/cau-moi.html', toSiteId: 1, toPath: `/bai-viet/${a1.slug}-${a1.id}`, source: 'import' }, NOW);
  await d.insertInto('import_items').values({ site_id: 1, source: 'jsonl:cong-cu', kind: 'article', source_id: '42', entity_id: a1.id, updated_at: T0 }).execute();
  // Two of the town's documents also on the ward's list: one the same (number and date), one another
  // document under the same number (issued another year).
  const [same, other] = await d.selectFrom('documents').selectAll().where('site_id', '=', 1).orderBy('id').limit(2).execute();
  const type2 = (await d.selectFrom('document_types').select('id').where('site_id', '=', 2).orderBy('id').executeTakeFirstOrThrow()).id;
  const copy = (row: typeof same, issued_on: string) => {
    const { id: _id, ...rest } = row!;
    return { ...rest, site_id: 2, type_id: type2, issued_on, slug: `${rest.slug}-ban-sao` };
  };
  const docs = await d.insertInto('documents').values([copy(same, same!.issued_on), copy(other, '2001-01-01')]).returning('id').execute();
  return { target, legacyArticles: [legacy[0]!, legacy[1]!], sameDocument: docs[0]!.id, clashingDocument: docs[1]!.id, numbers: [same!.number_code, other!.number_code] };
}

/** Every row of every table, as sorted text: comparing two of these proves nothing changed. */
export async function everyRow(db: Db): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await db.introspection.getTables()) {
    if (/^(search_fts|search_titles|kysely_|job_leases$)/.test(t.name)) continue; // job_leases: a background job's lease is no content
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(db);
    out.set(t.name, rows.rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).sort());
  }
  return out;
}

/** The rows of one site (tables with site_id, its site row, the old addresses it owns). */
export async function rowsOfSite(db: Db, siteId: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await db.introspection.getTables()) {
    const col = t.columns.some((c) => c.name === 'site_id') ? 'site_id' : t.name === 'old_addresses' ? 'owner_site_id' : t.name === 'sites' ? 'id' : null;
    if (!col || /^(search_fts|search_titles)/.test(t.name)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} where ${sql.ref(col)} = ${siteId}`.execute(db);
    out.set(t.name, rows.rows.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}
