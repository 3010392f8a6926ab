import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { readJsonLines } from '../../src/features/imports/jsonl.js';
import { ImportError, runImport } from '../../src/features/imports/run-import.js';
import { markArchived } from '../../src/kernel/sites/archive.js';
import { describeEachDb } from '../helpers/db.js';
import { FILES, rowCounts, SAMPLE, siteByCode } from './helpers.js';

const NOW = new Date('2026-11-26T07:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'cong-import-bad-'));
const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');

/** The sample with line `n` (1-based) replaced, or lines appended. */
function variant(name: string, edit: (l: string[]) => string[]): string {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, `${edit([...lines]).join('\n')}\n`);
  return path;
}
const replace = (n: number, text: string) => (l: string[]) => (l.splice(n - 1, 1, text), l);

writeFileSync(join(dir, 'not-an-image.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]));

const CASES: { name: string; file: () => string; filesDir?: string; line: number; message: RegExp }[] = [
  { name: 'a line that is not JSON', file: () => variant('malformed', replace(7, '{"type":"article", id: 102}')), line: 7, message: /^Dòng 7: không phải JSON hợp lệ/ },
  { name: 'a truncated last line', file: () => variant('truncated', (l) => [...l.slice(0, -1), l.at(-1)!.slice(0, 20)]), line: 17, message: /^Dòng 17: dòng bị cắt cụt/ },
  { name: 'an article without a title', file: () => variant('no-title', replace(7, lines[6]!.replace('"title":"Kế hoạch tổ chức Tết Trung thu cho thiếu nhi",', ''))), line: 7, message: /^Dòng 7 \(bài viết “102”\): thiếu tiêu đề \(title\)\.$/ },
  { name: 'a dangling category', file: () => variant('dangling', replace(7, lines[6]!.replace('"categories":["10"]', '"categories":["99"]'))), line: 7, message: /^Dòng 7 \(bài viết “102”\): chuyên mục “99” không có trong tệp\.$/ },
  { name: "a comment on an article that is not there", file: () => variant('orphan', (l) => [...l, '{"type":"comment","id":"c9","article":"404","author":"A","body":"B","createdAt":"2020-01-01","status":"approved"}']), line: 18, message: /bài viết “404” không có trong tệp/ },
  { name: 'a date that is not one', file: () => variant('bad-date', replace(7, lines[6]!.replace('2019-09-01T09:00:00+07:00', '31/02/2019'))), line: 7, message: /ngày đăng \(publishedAt\) “31\/02\/2019” không hợp lệ/ },
  { name: 'an unknown status', file: () => variant('bad-status', replace(7, lines[6]!.replace('"status":"draft"', '"status":"nhap"'))), line: 7, message: /trạng thái \(status\) “nhap” không hợp lệ/ },
  { name: 'the same id twice', file: () => variant('twice', (l) => [...l, lines[6]!]), line: 18, message: /mã “102” đã dùng cho bài viết khác ở dòng 7/ },
  { name: 'no source line first', file: () => variant('no-source', (l) => l.slice(1)), line: 1, message: /dòng đầu tiên phải là dòng nguồn/ },
  { name: 'a category inside itself', file: () => variant('cycle', replace(2, lines[1]!.replace('"name"', '"parent":"11","name"'))), line: 2, message: /vòng lặp/ },
  { name: 'a file that is not in the folder', file: () => variant('missing-file', replace(4, lines[3]!.replace('images/le-hoi-den-cho-cui.jpg', 'images/khong-co.jpg'))), line: 4, message: /^Dòng 4 \(tệp “img-1”\): không đọc được tệp “images\/khong-co\.jpg”/ },
  { name: 'a file that cannot be read after an image was stored (the image is removed again)', file: () => variant('missing-pdf', replace(5, lines[4]!.replace('van-ban/qd-12-ubnd.pdf', 'van-ban/khong-co.pdf'))), line: 5, message: /^Dòng 5 \(tệp “pdf-1”\): không đọc được tệp/ },
  { name: 'an image sharp refuses', file: () => variant('bad-image', replace(4, lines[3]!.replace('images/le-hoi-den-cho-cui.jpg', 'not-an-image.jpg'))), filesDir: dir, line: 4, message: /^Dòng 4 \(tệp “img-1”\): Không (đọc|xử lý) được/ },
  { name: 'files without a files folder', file: () => SAMPLE, filesDir: '', line: 4, message: /--files/ },
];

describeEachDb(
  'runImport: bad input stops with the line named and changes nothing',
  async (db) => {
    await seedDemoIfEmpty(db, db.media);
    return { site: await siteByCode(db.db, 'bachonglinh') };
  },
  (get) => {
    for (const c of CASES) {
      test(c.name, async () => {
        const { db, site } = get();
        const before = await rowCounts(db.db);
        let stored = 0;
        for await (const _ of db.media.list('')) stored++;
        const err = await runImport(db.db, site, readJsonLines(c.file()), { filesDir: c.filesDir === '' ? undefined : (c.filesDir ?? FILES), media: db.media, now: NOW }).then(
          () => null,
          (e: unknown) => e,
        );
        assert.ok(err instanceof ImportError, `an ImportError, got ${String(err)}`);
        assert.match(err.message, c.message);
        assert.equal(err.line, c.line);
        assert.deepEqual(await rowCounts(db.db), before, 'no table changed');
        let after = 0;
        for await (const _ of db.media.list('')) after++;
        assert.equal(after, stored, 'no file left in the store');
      });
    }

    test('an archived site takes no import', async () => {
      const { db, site } = get();
      await markArchived(db.db, site.id, [1], NOW);
      try {
        const before = await rowCounts(db.db);
        await assert.rejects(runImport(db.db, site, readJsonLines(SAMPLE), { filesDir: FILES, media: db.media, now: NOW }), (e: unknown) => e instanceof ImportError && /^Trang bachonglinh là trang lưu trữ/.test(e.message));
        assert.deepEqual(await rowCounts(db.db), before);
      } finally {
        await markArchived(db.db, site.id, null, NOW);
      }
    });
  },
);
