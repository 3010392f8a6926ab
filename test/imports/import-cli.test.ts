import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/app.js';
import { checkPostgres } from '../helpers/db.js';
import { pgDatabaseUrl } from '../stats/process.js';
import { FILES, FIXTURES, SAMPLE } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'cong-import-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const truncated = join(scratch, 'cut.jsonl');
writeFileSync(truncated, readFileSync(SAMPLE, 'utf8').trimEnd().slice(0, -12));

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`cong import, the real process [${dialect}]`, async () => {
    const skip = dialect === 'postgres' ? await checkPostgres() : null;
    const dataDir = mkdtempSync(join(scratch, `${dialect}-`));
    let databaseUrl = '';
    let drop = async () => {};
    const cong = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, CONG_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, REDIS_URL: '' },
      });
    before(async () => {
      if (skip) return;
      if (dialect === 'postgres') ({ url: databaseUrl, drop } = await pgDatabaseUrl());
      assert.equal(cong('seed-demo').status, 0);
    });
    after(() => drop());

    test('imports the sample with progress and a summary, then a re-run updates', { skip: skip ?? false }, () => {
      const noFolder = cong('import', 'jsonl', SAMPLE, '--site', 'bachonglinh');
      assert.equal(noFolder.status, 1);
      assert.match(noFolder.stderr, /Dòng 4 \(tệp “img-1”\): tệp cần thư mục chứa tệp: chạy lại lệnh với --files <thư mục>\./);
      const r = cong('import', 'jsonl', SAMPLE, '--site', 'bachonglinh', '--files', FILES);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /^Đã xử lý 16\/16 mục · [\d.]+ mục\/giây$/m);
      assert.match(r.stdout, /^Đã nhập xong\.$/m);
      assert.match(r.stdout, /^ {2}bài viết: 2 mới, 0 cập nhật$/m);
      assert.match(r.stdout, /^ {2}bình luận: 4 mới, 0 cập nhật$/m);
      assert.match(r.stdout, /^Bỏ qua 1 mục:\n {2}bài viết “103”: bài trong thùng rác \(trash\) không được đưa lên$/m);
      const again = cong('import', 'jsonl', SAMPLE, '--site', 'bachonglinh', '--files', FILES);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /^ {2}bài viết: 0 mới, 2 cập nhật$/m);
      assert.match(again.stdout, /^ {2}bộ đếm lượt truy cập: 0 mới, 1 cập nhật$/m);
    });

    test('a dry run says so and a truncated file stops naming its last line', { skip: skip ?? false }, () => {
      const dry = cong('import', 'jsonl', SAMPLE, '--site', 'namhonglinh', '--files', FILES, '--dry-run');
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stdout, /^Chạy thử \(--dry-run\): chưa ghi gì/m);
      const cut = cong('import', 'jsonl', truncated, '--site', 'namhonglinh', '--files', FILES);
      assert.equal(cut.status, 1);
      assert.match(cut.stderr, /^Không nhập được: Dòng 17: dòng bị cắt cụt \(thiếu dấu “}” đóng bản ghi\)/m);
      assert.match(cut.stderr, /Chưa có gì được ghi vào trang namhonglinh\./);
      // Nothing of either was written: the real import of the sample into namhonglinh is all new.
      const real = cong('import', 'jsonl', SAMPLE, '--site', 'namhonglinh', '--files', FILES);
      assert.match(real.stdout, /^ {2}bài viết: 2 mới, 0 cập nhật$/m);
    });

    test('an RSS feed imports through the same core', { skip: skip ?? false }, () => {
      const uploads = join(FIXTURES, 'feeds/uploads');
      const r = cong('import', 'feed', join(FIXTURES, 'feeds/wordpress-rss.xml'), '--site', 'bachonglinh', '--files', uploads);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^ {2}bài viết: 2 mới, 0 cập nhật$/m);
      assert.match(r.stdout, /^ {2}tệp: 2 mới, 0 cập nhật$/m);
    });

    // The command line is checked before the database is opened: once is enough.
    test('wrong commands, sites, files and folders get a clear message and exit 1', { skip: skip ?? (dialect === 'postgres' ? 'checked before the database is opened: once, on SQLite, is enough' : false) }, () => {
      const cases: [string[], RegExp][] = [
        [['import'], /Thiếu kiểu nhập\.\nCách dùng:\n {2}cong import jsonl/],
        [['import', 'xml', SAMPLE], /Không có kiểu nhập “xml”/],
        [['import', 'jsonl', SAMPLE], /Thiếu --site <mã trang>/],
        [['import', 'jsonl', '--site', 'namhonglinh'], /Thiếu tệp cần nhập/],
        [['import', 'jsonl', SAMPLE, '--site', 'khongco'], /Không có trang thông tin mã khongco\. Xem danh sách: cong sites/],
        [['import', 'jsonl', join(scratch, 'khong-co.jsonl'), '--site', 'namhonglinh'], /Không tìm thấy tệp .*khong-co\.jsonl\./],
        [['import', 'jsonl', SAMPLE, '--site', 'namhonglinh', '--files', join(scratch, 'khong-co')], /Không tìm thấy thư mục .*khong-co \(--files\)\./],
        [['import', 'jsonl', SAMPLE, '--site', 'namhonglinh', '--xoa'], /Tuỳ chọn không hợp lệ: --xoa/],
      ];
      for (const [args, message] of cases) {
        const r = cong(...args);
        assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}`);
        assert.match(r.stderr, message, args.join(' '));
      }
    });
  });
}
