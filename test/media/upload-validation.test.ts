import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../../src/kernel/access/actor.js';
import type { MediaCommandContext } from '../../src/features/media/commands/context.js';
import { displayName, uploadMedia } from '../../src/features/media/commands/upload-media.js';
import { mediaPolicy } from '../../src/features/media/policy.js';
import { newStem, sitePathFromUrl } from '../../src/features/media/storage.js';
import { LocalDirectory } from '../../src/kernel/storage/local-directory.js';
import type { Site } from '../../src/kernel/sites/site.js';
import { docx, jpeg } from './fixtures.js';

const actor = (role: 'contributor' | 'editor' | 'moderator'): Actor => ({
  userId: 7, displayName: 'x', email: 'x@x', isSystemAdmin: false, totpEnabled: false, rolesBySite: new Map([[1, new Set([role])]]),
});
// Checks that fail return before the database or the disk is touched.
const cx = (a: Actor): MediaCommandContext => ({ db: null as never, site: { id: 1, code: 'namhonglinh' } as Site, actor: a, now: new Date(), media: new LocalDirectory('/khong-ton-tai') });

test('an upload cut off at the request limit gets the size message of the kind its head shows', async () => {
  const doc = await uploadMedia(cx(actor('editor')), { file: { name: 'lon.docx', data: docx().subarray(0, 40), truncated: true }, title: '', alt: '' });
  assert.deepEqual(doc, { ok: false, errors: { file: 'Tệp quá lớn: tài liệu tối đa 30 MB.' } });
  const img = await uploadMedia(cx(actor('editor')), { file: { name: 'lon.jpg', data: (await jpeg(50, 50)).subarray(0, 64), truncated: true }, title: '', alt: 'x' });
  assert.deepEqual(img, { ok: false, errors: { file: 'Tệp quá lớn: ảnh tối đa 15 MB.' } });
});

test('titles and alt texts have length limits; a moderator may not upload at all', async () => {
  const r = await uploadMedia(cx(actor('contributor')), { file: null, title: 'a'.repeat(201), alt: 'b'.repeat(301) });
  assert.deepEqual(r, { ok: false, errors: { file: 'Vui lòng chọn tệp để tải lên.', title: 'Tiêu đề tối đa 200 ký tự.', alt: 'Mô tả ảnh tối đa 300 ký tự.' } });
  await assert.rejects(uploadMedia(cx(actor('moderator')), { file: null, title: '', alt: '' }), { code: 'forbidden' });
});

test('who may do what in the library', () => {
  const m = { site_id: 1 };
  assert.deepEqual(
    (['contributor', 'editor', 'moderator'] as const).map((r) => [mediaPolicy.browse(actor(r), 1), mediaPolicy.upload(actor(r), 1), mediaPolicy.delete(actor(r), m)]),
    [[true, true, false], [true, true, true], [false, false, false]],
  );
  assert.equal(mediaPolicy.upload(actor('editor'), 2), false, 'roles are per site');
});

test('display names keep Vietnamese (NFC) and drop paths and control characters', () => {
  assert.equal(displayName('C:\\Users\\An\\Tài liệu\\Quyết định số 12.docx'.normalize('NFD')), 'Quyết định số 12.docx');
  assert.equal(displayName('a\u0000b\r\n.pdf'), 'ab.pdf');
});

test('stored paths are made here and stay inside the site folder', async () => {
  const stem = newStem('namhonglinh', 'Đường Nguyễn Du / ../../etc.jpg', new Date('2026-03-05T00:00:00Z'));
  assert.match(stem, /^namhonglinh\/2026\/03\/[0-9a-f]{10}-duong-nguyen-du-etc$/);
  assert.match(newStem('namhonglinh', '....', new Date()), /-tep$/);
  assert.throws(() => newStem('../x', 'a', new Date()));
  assert.equal(sitePathFromUrl('namhonglinh/2026/03/ab-c.jpg', 'namhonglinh'), 'namhonglinh/2026/03/ab-c.jpg');
  assert.equal(sitePathFromUrl('namhonglinh/2026/03/ab-c.jpg', 'bachonglinh'), null);
  assert.equal(sitePathFromUrl('namhonglinh/../bachonglinh/x.jpg', 'namhonglinh'), null);
  const store = new LocalDirectory('/data');
  await assert.rejects(store.put('../etc/passwd.txt', Buffer.from('x'), 'text/plain'));
  await assert.rejects(store.get('/etc/passwd.txt'));
});
