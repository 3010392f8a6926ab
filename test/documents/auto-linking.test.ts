import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { linkDocumentNumbers } from '../../src/features/documents/linker.js';
import { describeEachDb } from '../helpers/db.js';
import { docId, publicGet, setupDocuments } from './helpers.js';

const SEED_TITLE = 'Đảng uỷ phường Nam Hồng tổng kết 13 năm thực hiện Nghị quyết 22-NQ/TW và 10 năm thực hiện Nghị quyết 02-NQ/TU';

/** Counts the queries a database handle runs. */
function counting() {
  const plugin: KyselyPlugin & { count: number } = {
    count: 0,
    transformQuery(args) {
      plugin.count++;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return plugin;
}

describeEachDb('documents: numbers in articles link to the library', setupDocuments, (get) => {
  async function seedArticle() {
    const { app } = get();
    const legacy = await publicGet(app, '/portal/pages/2021-10-15/Dang-uy-phuong-Nam-Hong-614123.aspx');
    assert.equal(legacy.statusCode, 301);
    const res = await publicGet(app, legacy.headers.location as string);
    assert.equal(res.statusCode, 200);
    return { url: legacy.headers.location as string, html: res.body };
  }

  test('the seed article (legacy 614123) links 22-NQ/TW and 02-NQ/TU to their document pages', async () => {
    const { db } = get();
    const { html } = await seedArticle();
    const body = /<div class="article-body">([\s\S]*?)<\/div>/.exec(html)![1]!;
    const nq22 = await docId(db, 1, '22-NQ/TW');
    const nq02 = await docId(db, 1, '02-NQ/TU');
    const links = [...body.matchAll(/<a class="document-ref" href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
    assert.ok(links.length >= 4, `links: ${JSON.stringify(links)}`);
    for (const [href, text] of links) {
      if (text === '22-NQ/TW') assert.match(href, new RegExp(`^/van-ban/nghi-quyet-22-nq-tw-[a-z0-9-]+-${nq22}$`));
      else if (text === '02-NQ/TU') assert.match(href, new RegExp(`^/van-ban/nghi-quyet-02-nq-tu-[a-z0-9-]+-${nq02}$`));
      else assert.fail(`unexpected link ${text}`);
    }
    assert.ok(links.some(([, t]) => t === '22-NQ/TW') && links.some(([, t]) => t === '02-NQ/TU'));
    // Every mention in the body is linked, and only the body: the title stays text.
    const mentions = (body.replace(/<a class="document-ref"[^>]*>[^<]+<\/a>/g, '').match(/\b(22-NQ\/TW|02-NQ\/TU)\b/g) ?? []).length;
    assert.equal(mentions, 0);
    assert.match(html, new RegExp(`<h1 class="article-title">${SEED_TITLE.replace(/\//g, '\\/')}</h1>`));
    // The link leads to the document page.
    const target = await publicGet(get().app, links[0]![0]);
    assert.equal(target.statusCode, 200);
  });

  test('only text is linked: never inside a link, an attribute or a longer number; any case and diacritics', async () => {
    const { db } = get();
    const nq22 = await docId(db, 1, '22-NQ/TW');
    const qd = await docId(db, 1, '1520/QĐ-UBND');
    const html = [
      '<p>Theo <a href="/bai-viet/x-1">Nghị quyết 22-NQ/TW</a> và <a href="https://vbpl.vn"><strong>22-NQ/TW</strong></a>.</p>',
      '<p><img src="/media/a.png" alt="Ảnh 22-NQ/TW"> <a href="/tim?q=22-NQ/TW" title="22-NQ/TW">xem</a></p>',
      '<p>Không phải: 122-NQ/TW, 22-NQ/TW-BCH, 22-NQ/TWX, 2-NQ/TW.</p>',
      '<p>Viết thường: 22-nq/tw; không dấu: 1520/qd-ubnd.</p>',
    ].join('\n');
    const out = await linkDocumentNumbers(db.db, 1, html);
    const [p1, p2, p3, p4] = out.split('\n');
    assert.equal(p1, '<p>Theo <a href="/bai-viet/x-1">Nghị quyết 22-NQ/TW</a> và <a href="https://vbpl.vn"><strong>22-NQ/TW</strong></a>.</p>');
    assert.equal(p2, '<p><img src="/media/a.png" alt="Ảnh 22-NQ/TW"> <a href="/tim?q=22-NQ/TW" title="22-NQ/TW">xem</a></p>');
    assert.equal(p3, '<p>Không phải: 122-NQ/TW, 22-NQ/TW-BCH, 22-NQ/TWX, 2-NQ/TW.</p>');
    assert.match(p4!, new RegExp(`^<p>Viết thường: <a class="document-ref" href="/van-ban/[a-z0-9-]+-${nq22}" title="[^"]+">22-nq/tw</a>; không dấu: <a class="document-ref" href="/van-ban/[a-z0-9-]+-${qd}" title="[^"]+">1520/qd-ubnd</a>\\.</p>$`));
  });

  test('other sites\' and unpublished documents are not linked; one query for the whole body', async () => {
    const { db } = get();
    const html = '<p>Quyết định 01/QĐ-UBND (phường Nam Hồng Lĩnh), 22-NQ/TW, 02-NQ/TU, 22-NQ/TW, 1520/QĐ-UBND, ngày 15/10/2021.</p>';
    const plugin = counting();
    const out = await linkDocumentNumbers(db.db.withPlugin(plugin), 1, html);
    assert.equal(plugin.count, 1);
    assert.equal((out.match(/class="document-ref"/g) ?? []).length, 4);
    assert.doesNotMatch(out, /document-ref[^>]*>01\/QĐ-UBND/);
    const none = counting();
    assert.equal(await linkDocumentNumbers(db.db.withPlugin(none), 1, '<p>Không có số văn bản nào.</p>'), '<p>Không có số văn bản nào.</p>');
    assert.equal(none.count, 0);
    await db.db.updateTable('documents').set({ published: 0 }).where('site_id', '=', 1).where('number', '=', '1520/QĐ-UBND').execute();
    assert.doesNotMatch(await linkDocumentNumbers(db.db, 1, html), /document-ref[^>]*>1520/);
    await db.db.updateTable('documents').set({ published: 1 }).where('site_id', '=', 1).where('number', '=', '1520/QĐ-UBND').execute();
  });

  test('a number added to or taken out of the library changes the cached article page at once', async () => {
    const { editor, db } = get();
    const before = await seedArticle();
    assert.match(before.html, /document-ref[^>]*>02-NQ\/TU</);
    const id = await docId(db, 1, '02-NQ/TU');
    const row = await db.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const form = {
      number: row.number, type_id: String(row.type_id), issuer: row.issuer, signer: row.signer, issued_on: row.issued_on, effective_on: row.effective_on ?? '',
      title: row.title, field: row.field, status: row.status, consultation_until: '', published: '0',
    };
    assert.equal((await editor.post(`/quan-tri/van-ban/${id}`, form)).statusCode, 303);
    const after = await seedArticle();
    assert.doesNotMatch(after.html, /document-ref[^>]*>02-NQ\/TU</);
    assert.match(after.html, /document-ref[^>]*>22-NQ\/TW</);
    assert.equal((await editor.post(`/quan-tri/van-ban/${id}`, { ...form, published: '1' })).statusCode, 303);
    assert.match((await seedArticle()).html, /document-ref[^>]*>02-NQ\/TU</);
  });
});
