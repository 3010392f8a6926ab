import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { connect, type DatabaseHandle } from '../../src/kernel/db/connection.js';
import { ROOT } from '../helpers/app.js';
import { checkPostgres, DIALECTS } from '../helpers/db.js';
import { pgDatabaseUrl } from '../stats/process.js';

/**
 * `cong fix-encoding` through the real process, on both databases: the demo's two sites, each
 * with some rows turned into TCVN3 or VNI mojibake as old portals stored them, among the demo's
 * correct Unicode rows.
 */

type Bad = { table: string; column: string; legacy: string; unicode: string };

/** Per site: which row (by position in the site) gets which legacy text, and what it must become. */
const BAD: Bad[] = [
  { table: 'articles', column: 'title', legacy: 'Hµ Néi tæ chøc héi nghÞ tæng kÕt n¨m 2002', unicode: 'Hà Nội tổ chức hội nghị tổng kết năm 2002' },
  { table: 'articles', column: 'body_html', legacy: '<p>Ng&micro;y 22 th¸ng 11, <a href="/tin/µ">UBND</a> ®· häp.</p><img src="/a.jpg" alt="¶nh héi nghÞ">', unicode: '<p>Ngày 22 tháng 11, <a href="/tin/µ">UBND</a> đã họp.</p><img src="/a.jpg" alt="ảnh hội nghị">' },
  { table: 'articles', column: 'author', legacy: 'Thèng kª', unicode: 'Thống kê' },
  { table: 'categories', column: 'name', legacy: 'Tin töùc - Söï kieän', unicode: 'Tin tức - Sự kiện' },
  { table: 'pages', column: 'title', legacy: 'Giôùi thieäu chung', unicode: 'Giới thiệu chung' },
  { table: 'documents', column: 'title', legacy: 'VÒ viÖc söa ®æi møc thuÕ suÊt', unicode: 'Về việc sửa đổi mức thuế suất' },
  { table: 'documents', column: 'number', legacy: '77/2002/Q§-BTC', unicode: '77/2002/QĐ-BTC' },
  { table: 'questions', column: 'body', legacy: 'Xin hoûi thuû tuïc caáp giaáy chöùng nhaän quyeàn söû duïng ñaát', unicode: 'Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất' },
];

function cong(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, REDIS_URL: '', ...env },
  });
}

/** Every text of every site-owned row the command may touch, to prove what did not change. */
async function snapshot(db: Kysely<any>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const tables = { categories: ['name'], articles: ['title', 'sapo', 'body_html', 'author', 'title_fold'], pages: ['title', 'body_html'], documents: ['number', 'title', 'number_code', 'search_fold'], questions: ['title', 'body', 'answer', 'search_text'] };
  for (const [table, columns] of Object.entries(tables)) {
    for (const row of await db.selectFrom(table).select(['id', 'site_id', ...columns]).orderBy('id').execute()) {
      for (const c of columns) out.set(`${table}#${row.id as number}@${row.site_id as number}.${c}`, String(row[c]));
    }
  }
  return out;
}

/** The first row of the table in the site, as the test spoils it. */
async function firstId(db: Kysely<any>, table: string, siteId: number): Promise<number> {
  const r = await db.selectFrom(table).select('id').where('site_id', '=', siteId).orderBy('id').executeTakeFirstOrThrow();
  return r.id as number;
}

for (const dialect of DIALECTS) {
  describe(`cong fix-encoding [${dialect}]`, async () => {
    const skip = dialect === 'postgres' ? await new Promise<string | null>((resolve, reject) => void checkPostgres().then(resolve, reject)) : null;
    if (skip) {
      console.log(`# skipping PostgreSQL suite: ${skip}`);
      return;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'cong-fixenc-'));
    let env: Record<string, string> = {};
    let handle: DatabaseHandle;
    let dropPg: (() => Promise<void>) | null = null;
    let db: Kysely<any>;
    let spoiled: Map<string, string>;

    before(async () => {
      let databaseUrl = '';
      if (dialect === 'postgres') {
        const pg = await pgDatabaseUrl();
        databaseUrl = pg.url;
        dropPg = pg.drop;
      }
      env = { CONG_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
      const seeded = cong(env, 'seed-demo');
      assert.equal(seeded.status, 0, seeded.stderr);
      handle = connect({ databaseUrl: databaseUrl || null, dataDir });
      db = handle.db as unknown as Kysely<any>;
      for (const siteId of [1, 2]) {
        for (const b of BAD) {
          const id = await firstId(db, b.table, siteId);
          await db.updateTable(b.table).set({ [b.column]: b.legacy }).where('site_id', '=', siteId).where('id', '=', id).execute();
        }
      }
      spoiled = await snapshot(db);
    });
    after(async () => {
      await handle?.close();
      await dropPg?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('--dry-run reports per table with examples and writes nothing', async () => {
      const r = cong(env, 'fix-encoding', '--dry-run');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^namhonglinh: sẽ sửa 5 trong \d+ mục \(chạy thử, chưa ghi gì\)\.$/m);
      assert.match(r.stdout, /^bachonglinh: sẽ sửa 5 trong \d+ mục/m);
      assert.match(r.stdout, /^ {2}bài viết \(articles\): 1$/m);
      assert.match(r.stdout, /^ {2}văn bản \(documents\): 1$/m);
      assert.match(r.stdout, /trước: Hµ Néi tæ chøc héi nghÞ tæng kÕt n¨m 2002\n {4}sau: {3}Hà Nội tổ chức hội nghị tổng kết năm 2002/);
      assert.match(r.stderr, /^Đang kiểm tra namhonglinh: (\d+)\/\1 mục \(100%\)$/m);
      assert.deepEqual(await snapshot(db), spoiled);
      const audit = await db.selectFrom('audit_log').select('id').where('action', '=', 'site.fix_encoding').execute();
      assert.equal(audit.length, 0);
    });

    test('--site fixes exactly the bad rows of that site, re-indexes the article and writes one audit row', async () => {
      const r = cong(env, 'fix-encoding', '--site', 'namhonglinh');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^namhonglinh: đã sửa 5 trong \d+ mục\.$/m);
      assert.doesNotMatch(r.stdout, /bachonglinh/);
      const now = await snapshot(db);
      const expected = new Map(spoiled);
      for (const b of BAD) {
        const id = await firstId(db, b.table, 1);
        expected.set(`${b.table}#${id}@1.${b.column}`, b.unicode);
      }
      const articleId = await firstId(db, 'articles', 1);
      const documentId = await firstId(db, 'documents', 1);
      const questionId = await firstId(db, 'questions', 1);
      expected.set(`articles#${articleId}@1.title_fold`, 'ha noi to chuc hoi nghi tong ket nam 2002');
      expected.set(`documents#${documentId}@1.number_code`, now.get(`documents#${documentId}@1.number_code`)!);
      expected.set(`documents#${documentId}@1.search_fold`, now.get(`documents#${documentId}@1.search_fold`)!);
      expected.set(`questions#${questionId}@1.search_text`, now.get(`questions#${questionId}@1.search_text`)!);
      assert.deepEqual(now, expected);
      assert.match(now.get(`documents#${documentId}@1.search_fold`)!, / 77 2002 qd btc ve viec sua doi muc thue suat /);
      assert.match(now.get(`questions#${questionId}@1.search_text`)!, /xin hoi thu tuc cap giay chung nhan quyen su dung dat/);
      assert.equal(now.get(`documents#${documentId}@1.number_code`), '772002qdbtc');
      // The demo's first article is published, so the search index holds it under its new title.
      const indexed = await db.selectFrom('search_documents').select('title_fold').where('article_id', '=', articleId).executeTakeFirstOrThrow();
      assert.equal(indexed.title_fold, 'ha noi to chuc hoi nghi tong ket nam 2002');
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'site.fix_encoding').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.site_id, 1);
      assert.deepEqual(JSON.parse(audit[0]!.after_json as string).changed, { categories: 1, articles: 1, pages: 1, documents: 1, questions: 1 });
    });

    test('a second run changes nothing; a run over every site then fixes the other site', async () => {
      const again = cong(env, 'fix-encoding', '--site', 'namhonglinh');
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /^namhonglinh: đã sửa 0 trong \d+ mục\.$/m);
      const all = cong(env, 'fix-encoding');
      assert.match(all.stdout, /^namhonglinh: đã sửa 0 /m);
      assert.match(all.stdout, /^bachonglinh: đã sửa 5 /m);
      for (const b of BAD) {
        const row = await db.selectFrom(b.table).select(b.column).where('id', '=', await firstId(db, b.table, 2)).executeTakeFirstOrThrow();
        assert.equal(row[b.column], b.unicode, `${b.table}.${b.column}`);
      }
      assert.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'site.fix_encoding').execute()).length, 2);
    });

    test('bad arguments are refused in Vietnamese and change nothing', async () => {
      const before = await snapshot(db);
      const unknown = cong(env, 'fix-encoding', '--site', 'khongco');
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /Không có trang thông tin mã khongco/);
      const missing = cong(env, 'fix-encoding', '--site');
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /Thiếu mã trang sau --site\./);
      const bogus = cong(env, 'fix-encoding', '--xoa');
      assert.equal(bogus.status, 1);
      assert.match(bogus.stderr, /Tham số không hợp lệ: --xoa/);
      assert.deepEqual(await snapshot(db), before);
    });
  });
}
