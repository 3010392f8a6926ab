import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { readJsonLines } from '../../src/features/imports/jsonl.js';
import { runImport } from '../../src/features/imports/run-import.js';
import { findOldAddress } from '../../src/kernel/sites/old-addresses.js';
import { ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { FIXTURES, SAMPLE, siteByCode } from './helpers.js';

const DOC = readFileSync(join(ROOT, 'docs/import-format.md'), 'utf8');
const SCRIPT = join(ROOT, 'docs/examples/sharepoint-csv-to-jsonl.mjs');

test('docs/import-format.md shows the sample file and the conversion script as they are', () => {
  assert.ok(DOC.includes(`\`\`\`jsonl\n${readFileSync(SAMPLE, 'utf8')}\`\`\``));
  const script = readFileSync(SCRIPT, 'utf8');
  assert.ok(DOC.includes(`\`\`\`js\n${script}\`\`\``));
  assert.ok(script.trimEnd().split('\n').length <= 20);
});

describeEachDb(
  'the SharePoint CSV example of the docs',
  async (db) => {
    await seedDemoIfEmpty(db, db.media);
    return { site: await siteByCode(db.db, 'bachonglinh') };
  },
  (get) => {
    test('converts a CSV with quoted commas, line breaks and quotes into records that import', async () => {
      const { db, site } = get();
      const jsonl = execFileSync(process.execPath, [SCRIPT, join(FIXTURES, 'sharepoint/tin-tuc.csv'), 'honglinh.hatinh.gov.vn'], { encoding: 'utf8' });
      const file = join(mkdtempSync(join(tmpdir(), 'cong-csv-')), 'tin-tuc.jsonl');
      writeFileSync(file, jsonl);
      const summary = await runImport(db.db, site, readJsonLines(file), { media: db.media, now: new Date('2026-11-26T07:00:00Z') });
      assert.deepEqual(summary.imported, { article: 2 });
      assert.deepEqual(summary.updated, { category: 2 }, '"Tin tức - Sự kiện" and "Thông báo" are the site\'s own');
      const to = (await findOldAddress(db.db, site.id, 'honglinh.hatinh.gov.vn', '/portal/pages/2025-01-09/Hoi-nghi-tong-ket-123456.aspx'))!.toPath;
      const a = await db.db.selectFrom('articles').select(['title', 'body_html', 'published_at']).where('site_id', '=', site.id).where('id', '=', Number(to.split('-').pop())).executeTakeFirstOrThrow();
      assert.equal(a.title, 'Hội nghị tổng kết năm 2024, triển khai nhiệm vụ 2025');
      assert.equal(a.body_html, '<p>Sáng 9/1, UBND thị xã tổ chức hội nghị.</p>\r\n<p>Chủ tịch phát biểu: "Năm 2025 là năm về đích".</p>');
      assert.equal(a.published_at, '2025-01-09T01:00:00.000Z');
    });
  },
);
