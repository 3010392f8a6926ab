import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { mergeSites, type MergeRequest } from '../../src/features/merge/commands/merge-sites.js';
import { findOldAddress } from '../../src/kernel/sites/old-addresses.js';
import { albumUrl } from '../../src/features/albums/paths.js';
import { clipUrl } from '../../src/features/video/paths.js';
import { describeEachDb } from '../helpers/db.js';
import { everyRow, NOW, rowsOfSite, seedMergeFixture } from './fixture.js';

const request = (over: Partial<MergeRequest> = {}): MergeRequest => ({ into: 'honglinhmoi', olds: ['namhonglinh', 'bachonglinh'], mode: 'subtree', dryRun: false, ...over });

describeEachDb('merging two old sites whose legacy ids overlap into one ward site', seedMergeFixture, (get) => {
  const deps = () => ({ db: get().db.db, media: get().db.media, now: NOW, actorId: null });
  const count = async (table: 'articles' | 'categories' | 'pages' | 'documents' | 'questions' | 'polls' | 'schedule_entries' | 'comments' | 'rating_votes' | 'article_revisions' | 'procedures' | 'albums' | 'album_photos' | 'clips', siteId: number) =>
    Number((await get().db.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow()).n);

  test('bad input: unknown code, target among the old ones, an old code twice, an archived target; nothing changes', async () => {
    const before = await everyRow(get().db.db);
    const r1 = await mergeSites(deps(), request({ olds: ['namhonglinh', 'xakhongco'] }));
    assert.deepEqual(r1.ok ? [] : r1.errors, ['Không có trang thông tin mã xakhongco.']);
    const r2 = await mergeSites(deps(), request({ olds: ['namhonglinh', 'honglinhmoi', 'namhonglinh'] }));
    assert.deepEqual(r2.ok ? [] : r2.errors, ['Trang honglinhmoi vừa là trang nhận vừa là trang cũ: một trang không hợp nhất vào chính nó.', 'Trang cũ namhonglinh được nêu hai lần.']);
    const r3 = await mergeSites(deps(), request({ into: 'khongco', olds: [] }));
    assert.deepEqual(r3.ok ? [] : r3.errors, ['Hãy nêu ít nhất một trang cũ cần hợp nhất.', 'Không có trang thông tin mã khongco.']);
    const r4 = await mergeSites(deps(), request({ mode: 'cay' as never }));
    assert.match(r4.ok ? '' : r4.errors[0]!, /Cách gộp chuyên mục “cay” không hợp lệ/);
    await get().db.db.updateTable('sites').set({ archived_at: NOW.toISOString() }).where('code', '=', 'honglinhmoi').execute();
    const r5 = await mergeSites(deps(), request());
    await get().db.db.updateTable('sites').set({ archived_at: null }).where('code', '=', 'honglinhmoi').execute();
    assert.deepEqual(r5.ok ? [] : r5.errors, ['Trang honglinhmoi đã là trang lưu trữ, không nhận thêm nội dung: hãy chọn một trang đang hoạt động.']);
    assert.deepEqual(await everyRow(get().db.db), before);
  });

  test('a dry run plans every kind, the name clashes and the old addresses, and changes no row of any table', async () => {
    const before = await everyRow(get().db.db);
    const r = await mergeSites(deps(), request({ dryRun: true }));
    assert.ok(r.ok && r.dryRun);
    const [a, b] = r.sites.map((s) => s.plan);
    assert.equal(a!.moved.articles, 39);
    assert.equal(b!.moved.articles, 18);
    assert.equal(a!.moved.categories, 7 + 1, 'seven categories and the unit parent');
    assert.deepEqual(a!.categories.parent, { name: 'Phường Nam Hồng Lĩnh', slug: 'phuong-nam-hong-linh' });
    assert.ok(a!.renamed.some((x) => x.kind === 'categories' && x.from === 'thong-bao' && x.to === 'thong-bao-2'));
    assert.ok(a!.renamed.some((x) => x.kind === 'pages' && x.from === 'gioi-thieu' && x.to === 'gioi-thieu-2'));
    assert.ok(b!.renamed.some((x) => x.kind === 'categories' && x.from === 'thong-bao' && x.to === 'thong-bao-3'), 'the second site\'s plan sees what the first brought');
    assert.ok(b!.renamed.some((x) => x.kind === 'pages' && x.from === 'gioi-thieu' && x.to === 'gioi-thieu-3'));
    assert.ok(a!.addresses.length > 39, 'every moved item has an old address');
    assert.equal(a!.visits, 1_002_345);
    assert.equal(b!.visits, 70_011);
    assert.deepEqual(await everyRow(get().db.db), before);
  });

  test('a failure in the second old site\'s transaction leaves the first merged and the second untouched; a re-run completes it', async () => {
    const db = get().db;
    const target = get().target;
    const secondBefore = await rowsOfSite(db.db, 2);
    const dialect = db.dialect;
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER fail_merge BEFORE UPDATE ON schedule_entries WHEN OLD.site_id = 2 BEGIN SELECT RAISE(ABORT, 'hỏng giữa chừng'); END`.execute(db.db);
    } else {
      await sql`CREATE FUNCTION fail_merge() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'hỏng giữa chừng'; END $$ LANGUAGE plpgsql`.execute(db.db);
      await sql`CREATE TRIGGER fail_merge BEFORE UPDATE ON schedule_entries FOR EACH ROW WHEN (OLD.site_id = 2) EXECUTE FUNCTION fail_merge()`.execute(db.db);
    }
    const failed = await mergeSites(deps(), request());
    assert.equal(failed.ok, false);
    assert.ok(!failed.ok && 'failed' in failed && failed.failed === 'bachonglinh');
    assert.match(failed.ok ? '' : failed.errors[0]!, /^Hợp nhất trang bachonglinh thất bại, trang này chưa bị thay đổi: .*hỏng giữa chừng/);
    assert.equal(await count('articles', 1), 0, 'the first old site is merged');
    assert.equal(await count('articles', target), 39);
    assert.deepEqual(await rowsOfSite(db.db, 2), secondBefore, 'the second old site is exactly as it was');

    await sql`DROP TRIGGER fail_merge ${sql.raw(dialect === 'postgres' ? 'ON schedule_entries' : '')}`.execute(db.db);
    const progress: number[] = [];
    const r = await mergeSites({ ...deps(), progress: (p) => progress.push(p.done) }, request());
    assert.ok(r.ok && !r.dryRun);
    assert.deepEqual(r.sites.map((s) => s.noop), [true, false], 'the merged site is not merged twice');
    assert.equal(progress.at(-1), r.sites[1]!.plan.moved ? Object.values(r.sites[1]!.plan.moved).reduce((x, y) => x + y, 0) : -1);
    const again = await mergeSites(deps(), request());
    assert.ok(again.ok && again.sites.every((s) => s.noop), 'a third run has nothing left to do');
  });

  test('every item moved exactly once; clashes resolved as planned; nothing of those kinds left on the old sites', async () => {
    const target = get().target;
    const galleryBefore = await Promise.all((['albums', 'album_photos', 'clips'] as const).map(async (t) => [t, await count(t, 1) + await count(t, 2) + await count(t, target)] as const));
    for (const table of ['articles', 'questions', 'polls', 'schedule_entries', 'comments', 'rating_votes', 'article_revisions', 'albums', 'album_photos', 'clips'] as const) {
      assert.equal(await count(table, 1) + await count(table, 2), 0, `${table} left on an old site`);
    }
    // Albums and clips go with the pictures and recordings they show, which the merge moved.
    for (const [table, total] of galleryBefore) assert.ok(total > 0 && await count(table, target) === total, `${table} all on the target`);
    assert.equal(await count('articles', target), 57);
    assert.equal(await count('questions', target), 14);
    assert.equal(await count('schedule_entries', target), 40);
    assert.equal(await count('comments', target), 2);
    const cats = await get().db.db.selectFrom('categories').select(['id', 'slug', 'name', 'parent_id', 'position']).where('site_id', '=', target).orderBy('position').execute();
    const units = cats.filter((c) => c.parent_id === null).map((c) => c.name);
    assert.deepEqual(units, ['Thông báo', 'Phường Nam Hồng Lĩnh', 'Phường Bắc Hồng Lĩnh']);
    assert.equal(new Set(cats.map((c) => c.slug)).size, cats.length, 'slugs unique on the target');
    assert.deepEqual(cats.map((c) => c.position), cats.map((_, i) => i + 1), 'the tree is renumbered');
    assert.deepEqual(cats.filter((c) => c.slug.startsWith('thong-bao')).map((c) => c.slug), ['thong-bao', 'thong-bao-2', 'thong-bao-3']);
    const pages = await get().db.db.selectFrom('pages').select('slug').where('site_id', '=', target).orderBy('slug').execute();
    assert.deepEqual(pages.map((p) => p.slug), ['gioi-thieu', 'gioi-thieu-2', 'gioi-thieu-3', 'lien-he', 'lien-he-2']);
    const { sameDocument, clashingDocument, numbers } = get();
    const docsLeft = await get().db.db.selectFrom('documents').select('id').where('site_id', 'in', [1, 2]).execute();
    assert.deepEqual(docsLeft.map((d) => d.id), [sameDocument], 'only the document the target already had stays with the archive');
    const clash = await get().db.db.selectFrom('documents').select(['site_id', 'number_code']).where('id', '=', clashingDocument).executeTakeFirstOrThrow();
    assert.deepEqual(clash, { site_id: target, number_code: `${numbers[1]}-bachonglinh` });
    const sameOnTarget = await get().db.db.selectFrom('documents').select(['id', 'slug']).where('site_id', '=', target).where('number_code', '=', numbers[0]!).executeTakeFirstOrThrow();
    const sameOld = await get().db.db.selectFrom('documents').select(['id', 'slug']).where('id', '=', sameDocument).executeTakeFirstOrThrow();
    assert.deepEqual(await findOldAddress(get().db.db, 2, 'bachonglinh.localhost', `/van-ban/${sameOld.slug}-${sameOld.id}`), { toSiteId: target, toPath: `/van-ban/${sameOnTarget.slug}-${sameOnTarget.id}` });
    const legacy = await get().db.db.selectFrom('articles').select('id').where('site_id', '=', target).where('legacy_id', 'is not', null).execute();
    assert.deepEqual(legacy, [], 'legacy ids cleared from the moved rows');
    const indexed = await get().db.db.selectFrom('search_documents').select(['site_id']).where('site_id', 'in', [1, 2]).execute();
    assert.deepEqual(indexed, [], 'the search index follows the articles');
    const kept = (await count('procedures', 1)) + (await count('procedures', 2));
    assert.equal(kept + (await count('procedures', target)), 12 + 8, 'a procedure mapped onto its equal stays; none lost');
    assert.equal(kept, 8, 'Bắc Hồng Lĩnh lists the same national procedures as Nam Hồng Lĩnh: they stay, mapped');
  });

  test('old addresses of both old sites lead to the right moved items; imported ones are re-pointed', async () => {
    const { db, target, legacyArticles } = get();
    const [a1, a2] = await Promise.all(legacyArticles.map((id) => db.db.selectFrom('articles').select(['id', 'slug', 'site_id']).where('id', '=', id).executeTakeFirstOrThrow()));
    assert.equal(a1!.site_id, target);
    const viaOld1 = await findOldAddress(db.db, 1, 'namhonglinh.localhost', '/portal/pages/2021-10-15/Cau-moi-123456.aspx');
    const viaOld2 = await findOldAddress(db.db, 2, 'bachonglinh.localhost', '/portal/Pages/2020-01-01/Khac-123456.ASPX');
    assert.deepEqual(viaOld1, { toSiteId: target, toPath: `/bai-viet/${a1!.slug}-${a1!.id}` });
    assert.deepEqual(viaOld2, { toSiteId: target, toPath: `/bai-viet/${a2!.slug}-${a2!.id}` });
    assert.deepEqual(await findOldAddress(db.db, 1, 'namhonglinh.localhost', '/trang/gioi-thieu'), { toSiteId: target, toPath: '/trang/gioi-thieu-2' });
    assert.deepEqual(await findOldAddress(db.db, 2, 'bachonglinh.localhost', '/trang/gioi-thieu'), { toSiteId: target, toPath: '/trang/gioi-thieu-3' });
    assert.deepEqual(await findOldAddress(db.db, 2, 'bachonglinh.localhost', '/chuyen-muc/thong-bao'), { toSiteId: target, toPath: '/chuyen-muc/thong-bao-3' });
    assert.deepEqual(await findOldAddress(db.db, 1, 'namhonglinh.hatinh.gov.vn', '/tin-tuc/cau-moi.html'), { toSiteId: target, toPath: `/bai-viet/${a1!.slug}-${a1!.id}` }, 'the imported address is re-pointed');
    const q = await db.db.selectFrom('questions').select(['id', 'slug']).where('site_id', '=', target).orderBy('id').executeTakeFirstOrThrow();
    const owner = q.id <= 11 ? 1 : 2;
    assert.deepEqual(await findOldAddress(db.db, owner, 'x', `/hoi-dap/${q.slug}-${q.id}`), { toSiteId: target, toPath: `/hoi-dap/${q.slug}-${q.id}` });
    assert.equal(await findOldAddress(db.db, target, 'honglinhmoi.localhost', '/portal/pages/x/y-123456.aspx'), null, 'the target itself does not answer the old ids');
    const albums = await db.db.selectFrom('albums').select(['id', 'slug']).where('site_id', '=', target).execute();
    const clips = await db.db.selectFrom('clips').select(['id', 'slug', 'kind']).where('site_id', '=', target).execute();
    assert.ok(albums.length > 0 && clips.length > 0);
    for (const path of [...albums.map(albumUrl), ...clips.map(clipUrl)]) {
      const found = [await findOldAddress(db.db, 1, 'x', path), await findOldAddress(db.db, 2, 'x', path)].filter((f) => f !== null);
      assert.deepEqual(found, [{ toSiteId: target, toPath: path }], `${path}: its old site's address leads to the target`);
    }
  });

  test('counters summed once, audit rows with the counts, both old sites archived into the target, media follow', async () => {
    const { db, target } = get();
    const t = await db.db.selectFrom('sites').select('counter_base').where('id', '=', target).executeTakeFirstOrThrow();
    assert.equal(Number(t.counter_base), 500 + 1_002_345 + 70_011);
    const audits = await db.db.selectFrom('audit_log').select(['site_id', 'entity_id', 'after_json']).where('action', '=', 'site.merge').orderBy('id').execute();
    assert.deepEqual(audits.map((a) => [a.site_id, a.entity_id]), [[target, '1'], [target, '2']]);
    assert.equal(JSON.parse(audits[1]!.after_json!).moved.articles, 18);
    for (const id of [1, 2]) {
      const s = await db.db.selectFrom('sites').select(['archived_at', 'successors']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(s.archived_at, NOW.toISOString());
      assert.deepEqual(JSON.parse(s.successors), [target]);
    }
    const m = await db.db.selectFrom('media').select(['site_id', 'disk_path']).where('original_name', '=', 'anh-cau.jpg').executeTakeFirstOrThrow();
    assert.deepEqual(m, { site_id: target, disk_path: 'honglinhmoi/2024/05/abc123-anh-cau.jpg' });
    assert.ok(await db.media.head('honglinhmoi/2024/05/abc123-anh-cau.jpg'), 'the file is in the target\'s folder');
    assert.ok(await db.media.head('namhonglinh/2024/05/abc123-anh-cau.jpg'), 'the original stays for the archive');
    const body = await db.db.selectFrom('articles').select('body_html').where('id', '=', get().legacyArticles[0]).executeTakeFirstOrThrow();
    assert.match(body.body_html, /src="\/media\/honglinhmoi\/2024\/05\/abc123-anh-cau\.jpg"/);
    const item = await db.db.selectFrom('import_items').select('site_id').where('source', '=', 'jsonl:cong-cu').executeTakeFirstOrThrow();
    assert.equal(item.site_id, target);
  });
});
