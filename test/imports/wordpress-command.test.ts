import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { importWordpress } from '../../src/cli/commands/import-wordpress.js';
import { WordPressExportError } from '../../src/features/imports/wordpress/errors.js';

/**
 * The WordPress source of `cong import`: what it hands the import core for an export, and what it
 * tells the operator before the core runs. The run through the core and the CLI is in
 * wordpress-import.test.ts.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test/fixtures/wordpress');

test('the source reads the export into numbered records and carries the conversion’s notes', async () => {
  let said = '';
  const records = await importWordpress.records(join(FIXTURE, 'export.xml'), { filesDir: join(FIXTURE, 'uploads') }, { write: (s: string) => (said += s) });
  assert.deepEqual(records[0], { record: { type: 'source', id: 'wordpress:phuongbacha.example.vn', host: 'phuongbacha.example.vn', timezone: 'Asia/Ho_Chi_Minh' }, line: 1 });
  assert.equal(records.filter((r) => r.record.type === 'article').length, 13);
  assert.deepEqual(records.notes.map((n) => n.kind), ['article', 'page']);
  assert.equal(said, '');
  assert.equal(importWordpress.filesOption, '--uploads');
});

test('without --uploads the operator is told the images stay behind', async () => {
  let said = '';
  await importWordpress.records(join(FIXTURE, 'export.xml'), {}, { write: (s: string) => (said += s) });
  assert.equal(said, 'Chú ý: không có --uploads, nên 5 tệp ảnh của WordPress không được nhập (bài vẫn trỏ tới địa chỉ ảnh cũ).\n');
});

test('a file that is not there is refused in Vietnamese', async () => {
  await assert.rejects(importWordpress.records(join(FIXTURE, 'khong-co.xml'), {}), (e: unknown) => e instanceof WordPressExportError && /^Không đọc được tệp .*khong-co\.xml/.test(e.message));
});
