import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { WordPressExportError } from '../../src/features/imports/wordpress/errors.js';
import { readWordPressExport } from '../../src/features/imports/wordpress/read-export.js';

/** Exports an operator may hand over by mistake: each stops with a Vietnamese message naming where. */
const ROOT = resolve(import.meta.dirname, '..', '..');
const EXPORT = readFileSync(join(ROOT, 'test/fixtures/wordpress/export.xml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cong-wxr-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function refusal(path: string): Promise<WordPressExportError> {
  const error = await readWordPressExport(path).then(
    () => assert.fail('the export was accepted'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WordPressExportError, String(error));
  return error;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

test('an export cut short (a download that did not finish) names the item it was cut in', async () => {
  const cut = EXPORT.indexOf('<wp:post_id>14</wp:post_id>') + 60;
  const error = await refusal(file('cut.xml', EXPORT.slice(0, cut)));
  assert.match(error.message, /^Tệp xuất WordPress không trọn vẹn: tệp bị cắt trước thẻ đóng <\/rss>/);
  assert.match(error.message, /Mục bị hỏng bắt đầu ở dòng 641, bài số 14 của WordPress\./);
  assert.match(error.message, /chưa có gì được nhập/);
  assert.equal(error.line, 641);
  assert.equal(error.itemId, '14');
});

test('an export cut between two items says which item was the last one read whole', async () => {
  const cut = EXPORT.lastIndexOf('</item>') + '</item>'.length;
  const error = await refusal(file('cut-between.xml', EXPORT.slice(0, cut)));
  assert.match(error.message, /không trọn vẹn/);
  assert.match(error.message, /Mục đọc trọn cuối cùng bắt đầu ở dòng 957, bài số 21 của WordPress\./);
});

test('a broken tag in the middle names its line and the item around it', async () => {
  const broken = EXPORT.replace('<wp:post_name><![CDATA[hoi-nghi-tiep-xuc-cu-tri-truoc-ky-hop-thu-9]]></wp:post_name>', '<wp:post_name><![CDATA[hoi-nghi]]></wp:post_nam>');
  assert.notEqual(broken, EXPORT);
  const error = await refusal(file('broken.xml', broken));
  const line = lineOf(broken, '</wp:post_nam>');
  assert.match(error.message, new RegExp(`^Tệp xuất WordPress bị hỏng ở dòng ${line}, cột \\d+: nội dung không đúng cú pháp XML\\. Mục bị hỏng bắt đầu ở dòng 456, bài số 10 của WordPress\\.`));
  assert.equal(error.line, line);
  assert.equal(error.itemId, '10');
});

test('an RSS feed that is not a WordPress export is refused with what to do instead', async () => {
  const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><item><title>Bài</title></item></channel></rss>';
  const error = await refusal(file('feed.xml', feed));
  assert.match(error.message, /^Tệp này không phải tệp xuất của WordPress \(không có <wp:wxr_version>\)\. Hãy xuất lại trong WordPress: Công cụ → Xuất/);
});

test('an empty file, a missing file, an item without its id', async () => {
  assert.equal((await refusal(file('empty.xml', '  \n'))).message, 'Tệp xuất WordPress trống.');
  assert.match((await refusal(join(dir, 'khong-co.xml'))).message, /^Không đọc được tệp .*khong-co\.xml: kiểm tra lại đường dẫn/);
  const noId = EXPORT.replace('<wp:post_id>10</wp:post_id>', '<wp:post_id></wp:post_id>');
  const error = await refusal(file('no-id.xml', noId));
  assert.equal(error.message, 'Mục ở dòng 456 không có số bài (<wp:post_id>) hợp lệ.');
  assert.equal(error.line, 456);
});

test('a post without a date is refused by its id, title and line', async () => {
  const noDate = EXPORT.replace('<wp:post_date><![CDATA[2025-04-08 14:00:00]]></wp:post_date>', '<wp:post_date><![CDATA[]]></wp:post_date>').replace(
    '<wp:post_date_gmt><![CDATA[2025-04-08 07:00:00]]></wp:post_date_gmt>',
    '<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>',
  );
  const error = await refusal(file('no-date.xml', noDate));
  assert.equal(error.message, 'Bài số 10 "Hội nghị tiếp xúc cử tri trước kỳ họp thứ 9" (dòng 456) không có ngày đăng hợp lệ (<wp:post_date>).');
  assert.equal(error.itemId, '10');
});
