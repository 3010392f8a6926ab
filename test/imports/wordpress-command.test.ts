import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { importWordpress } from '../../src/cli/commands/import-wordpress.js';
import { loadConfig } from '../../src/config.js';
import type { ImportSummary, RunImport, RunImportOptions } from '../../src/features/imports/wordpress/core-contract.js';
import type { ImportRecord } from '../../src/features/imports/records.js';
import { insertSite } from '../../src/kernel/sites/repo.js';
import type { SiteSettings } from '../../src/kernel/sites/settings.js';
import { openTestDb, type TestDb } from '../helpers/db.js';

/**
 * `cong import wordpress` in front of the import core: its options, its refusals (before the
 * core is called), what it hands the core and how it reports. The core is a recording stand-in
 * here; the end-to-end run through the real core is in wordpress-import.test.ts.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test/fixtures/wordpress');
const EXPORT = join(FIXTURE, 'export.xml');

let db: TestDb;
let calls: { site: string; records: ImportRecord[]; options: RunImportOptions }[];
let answer: () => Promise<ImportSummary>;
const fakeCore: RunImport = async (_db, site, records, options) => {
  const list: ImportRecord[] = [];
  for await (const r of records) list.push(r.record);
  calls.push({ site: site.code, records: list, options });
  return answer();
};
let stdout = '';
let stderr = '';
const command = importWordpress(fakeCore, { out: { write: (s: string) => (stdout += s) }, err: { write: (s: string) => (stderr += s) } });

async function cong(...args: string[]) {
  stdout = '';
  stderr = '';
  const status = await command.run(args, { config: loadConfig({ CONG_DATA_DIR: db.dataDir }, ROOT), database: db });
  return { status, stdout, stderr };
}

describe('cong import wordpress', () => {
  before(async () => {
    db = await openTestDb('sqlite');
    await insertSite(db.db, { code: 'thanhsen', name: 'Phường Thành Sen', isDefault: true, settings: { tagline: 'Tỉnh Hà Tĩnh' } as SiteSettings, counterBase: 0, hosts: ['thanhsen.example.vn'] }, new Date().toISOString());
  });
  after(() => db.cleanup());
  beforeEach(() => {
    calls = [];
    answer = async () => ({ imported: { category: 6, file: 5, article: 13, page: 4, comment: 6, redirect: 6 }, updated: {}, skipped: [] });
  });

  test('hands the export’s records and the uploads folder to the core, then prints the summary and every note', async () => {
    const r = await cong(EXPORT, '--site', 'thanhsen', '--uploads', join(FIXTURE, 'uploads'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.site, 'thanhsen');
    assert.deepEqual(calls[0]!.records[0], { type: 'source', id: 'wordpress:phuongbacha.example.vn', host: 'phuongbacha.example.vn', timezone: 'Asia/Ho_Chi_Minh' });
    assert.equal(calls[0]!.records.filter((x) => x.type === 'article').length, 13);
    assert.equal(calls[0]!.options.filesDir, join(FIXTURE, 'uploads'));
    assert.equal(calls[0]!.options.dryRun, false);
    assert.ok(calls[0]!.options.media);
    assert.match(r.stdout, /^Đã nhập từ WordPress phuongbacha\.example\.vn vào trang thanhsen:\n {2}chuyên mục: 6 mới, 0 cập nhật\n/);
    assert.match(r.stdout, / {2}bài viết: 13 mới, 0 cập nhật\n/);
    assert.match(r.stdout, /Bỏ qua hoặc thay đổi \(2\):\n {2}- bài viết 13: Đã bỏ mã rút gọn \[contact-form-7\]/);
  });

  test('--dry-run and --timezone reach the core; the summary says nothing was written', async () => {
    const r = await cong(EXPORT, '--site', 'thanhsen', '--dry-run', '--timezone', 'Asia/Bangkok', '--uploads', join(FIXTURE, 'uploads'));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(calls[0]!.options.dryRun, true);
    assert.equal((calls[0]!.records[0] as { timezone: string }).timezone, 'Asia/Bangkok');
    assert.match(r.stdout, /^Chạy thử \(--dry-run\), chưa ghi gì:/);
  });

  test('without --uploads it warns that the images are not imported', async () => {
    const r = await cong(EXPORT, '--site', 'thanhsen');
    assert.equal(r.status, 0);
    assert.equal(calls[0]!.options.filesDir, undefined);
    assert.match(r.stderr, /Chú ý: không có --uploads, nên 5 tệp ảnh của WordPress không được nhập/);
  });

  test('bad options, an unknown site, a missing folder or a damaged export stop before the core runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cong-wp-cmd-'));
    try {
      const cut = join(dir, 'cut.xml');
      writeFileSync(cut, readFileSync(EXPORT, 'utf8').slice(0, 30_000));
      const cases: [string[], RegExp][] = [
        [[], /^Thiếu đường dẫn tệp xuất WordPress \(\.xml\)\.\nCách dùng: cong import wordpress <export\.xml> --site <mã trang>/],
        [[EXPORT], /^Thiếu --site <mã trang>/],
        [[EXPORT, '--site', 'thanhsen', '--force'], /^Tùy chọn không hợp lệ: --force/],
        [[EXPORT, 'other.xml', '--site', 'thanhsen'], /^Thừa tham số: other\.xml/],
        [[EXPORT, '--site', 'thanhsen', '--uploads'], /^Thiếu thư mục sau --uploads/],
        [[EXPORT, '--site', 'thanhsen', '--timezone', 'Hà Nội'], /^Múi giờ không hợp lệ: "Hà Nội"/],
        [[EXPORT, '--site', 'thanhsen', '--uploads', join(dir, 'khong-co')], /^Không thấy thư mục uploads: .*khong-co/],
        [[EXPORT, '--site', 'bacha'], /^Không có trang thông tin mã bacha\. Xem danh sách: cong sites/],
        [[cut, '--site', 'thanhsen'], /^Tệp xuất WordPress không trọn vẹn: .*chưa có gì được nhập\.\n$/],
      ];
      for (const [args, message] of cases) {
        const r = await cong(...args);
        assert.equal(r.status, 1, args.join(' '));
        assert.match(r.stderr, message, args.join(' '));
        assert.equal(r.stdout, '');
      }
      assert.equal(calls.length, 0, 'the core was never called');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the core’s refusal (an item it cannot take) is printed with its line and the command fails', async () => {
    answer = async () => {
      throw Object.assign(new Error('Bài số 10 (dòng 456): chuyên mục 99 không có trong tệp.'), { line: 456, itemId: '10' });
    };
    const r = await cong(EXPORT, '--site', 'thanhsen');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Bài số 10 \(dòng 456\): chuyên mục 99 không có trong tệp\.\nChưa có gì được nhập\.\n$/);
  });
});
