import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';

/**
 * `cong import wordpress` as an operator runs it: the real process on a new SQLite database with
 * the demo loaded. A cut export stops with a Vietnamese message and leaves the database as it was;
 * the whole export comes in with a summary that names the shortcodes taken out; a re-run only updates.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test/fixtures/wordpress');
const dataDir = mkdtempSync(join(tmpdir(), 'cong-wp-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function cong(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONG_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
  });
}

test('cong import wordpress: a cut export changes nothing, the whole one comes in, a re-run only updates', () => {
  assert.equal(cong('seed-demo').status, 0);
  const untouched = census();

  const cut = join(dataDir, 'export-cut.xml');
  const text = readFileSync(join(FIXTURE, 'export.xml'), 'utf8');
  writeFileSync(cut, text.slice(0, text.indexOf('<wp:post_id>14</wp:post_id>') + 60));
  const refused = cong('import', 'wordpress', cut, '--site', 'bachonglinh', '--uploads', join(FIXTURE, 'uploads'));
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /^Không nhập được: Tệp xuất WordPress không trọn vẹn: tệp bị cắt trước thẻ đóng <\/rss>.* Mục bị hỏng bắt đầu ở dòng 641, bài số 14 của WordPress\./);
  assert.match(refused.stderr, /Chưa có gì được ghi vào trang bachonglinh\.\n$/);
  assert.equal(refused.stdout, '');
  assert.deepEqual(census(), untouched, 'no table gained or lost a row');

  const done = cong('import', 'wordpress', join(FIXTURE, 'export.xml'), '--site', 'bachonglinh', '--uploads', join(FIXTURE, 'uploads'));
  assert.equal(done.status, 0, done.stderr);
  assert.match(done.stdout, /^Đã nhập xong\.\n/);
  assert.match(done.stdout, /\n {2}bài viết: 11 mới, 0 cập nhật\n/);
  assert.match(done.stdout, /\n {2}tệp: 5 mới, 0 cập nhật\n/);
  assert.match(done.stdout, /bài viết “13”: Đã bỏ mã rút gọn \[contact-form-7\] trong bài "Tiếp nhận ý kiến góp ý của người dân qua cổng thông tin"/);
  assert.match(done.stdout, /bài viết “21”: bài trong thùng rác \(trash\) không được đưa lên/);
  assert.match(done.stderr, /Đã xử lý \d+\/\d+ mục/, 'progress is shown');

  const again = cong('import', 'wordpress', join(FIXTURE, 'export.xml'), '--site', 'bachonglinh', '--uploads', join(FIXTURE, 'uploads'));
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /\n {2}bài viết: 0 mới, 11 cập nhật\n/);
});

/** Rows of every table of the SQLite database. */
function census(): Record<string, number> {
  const db = new Database(join(dataDir, 'cong.db'), { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_fts_%' and name not like 'search_titles_%'").all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}
