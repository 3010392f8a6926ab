import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { UPLOAD_LIMITS } from '../../src/features/media/commands/upload-media.js';
import { variantsOf } from '../../src/features/media/present.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { docx, idFromLocation, jpeg, mp3WithId3, pdf, pixelBomb, upload } from './fixtures.js';

const NOW = new Date('2026-11-26T03:00:00.000Z');
const UNSUPPORTED = 'Định dạng tệp không được hỗ trợ. Chỉ nhận ảnh JPEG, PNG, WebP, GIF; tài liệu PDF, DOC, DOCX, XLS, XLSX; âm thanh MP3, OGG; video MP4, WebM.';

const count = async (db: TestDb) => Number((await db.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
/** Every file under <dataDir>/media/namhonglinh/2026 (the demo's songs live elsewhere). */
function storedFiles(db: TestDb): string[] {
  const dir = join(db.dataDir, 'media', 'namhonglinh', '2026');
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

describeEachDb('media library: uploading', async (db) => {
  const app = await buildTestApp(db, { now: () => NOW });
  await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
  await makeUser(db.db, 'congtacvien', [{ siteId: 1, role: 'contributor' }]);
  await makeUser(db.db, 'kiemduyet', [{ siteId: 1, role: 'moderator' }]);
  const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
  const contributor = await AdminClient.login(app, NAM_HONG_LINH, 'congtacvien');
  const moderator = await AdminClient.login(app, NAM_HONG_LINH, 'kiemduyet');
  return { app, editor, contributor, moderator };
}, (get) => {
  const refused = async (res: { statusCode: number; body: string }, status: number, message: string | RegExp) => {
    assert.equal(res.statusCode, status, res.body.slice(0, 300));
    if (typeof message === 'string') assert.ok(res.body.includes(message), `shows: ${message}`);
    else assert.match(res.body, message);
  };

  test('a photo is stored with its sizes, WebP copies, the typed title and alt, and an audit row', async () => {
    const { editor, db } = get();
    const res = await upload(editor, { name: 'Hội nghị tổng kết.JPG', data: await jpeg(2000, 1500, 95), contentType: 'image/jpeg' }, { title: 'Hội nghị tổng kết năm 2026', alt: 'Toàn cảnh hội nghị' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = idFromLocation(res.headers.location);
    const row = await db.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.site_id, 1);
    assert.equal(row.kind, 'image');
    assert.equal(row.mime, 'image/jpeg');
    assert.equal(row.original_name, 'Hội nghị tổng kết.JPG');
    assert.equal(row.title, 'Hội nghị tổng kết năm 2026');
    assert.equal(row.alt, 'Toàn cảnh hội nghị');
    assert.deepEqual([row.width, row.height], [2000, 1500]);
    assert.match(row.disk_path, /^namhonglinh\/2026\/11\/[0-9a-f]{10}-hoi-nghi-tong-ket\.jpg$/);
    const main = readFileSync(join(db.dataDir, 'media', row.disk_path));
    assert.equal(main.length, Number(row.bytes));
    const variants = variantsOf(row);
    assert.deepEqual(variants.map((v) => `${v.format}@${v.width}`).sort(), ['jpeg@1600', 'jpeg@480', 'jpeg@960', 'webp@1600', 'webp@2000', 'webp@480', 'webp@960']);
    for (const v of variants) {
      const file = readFileSync(join(db.dataDir, 'media', v.path));
      assert.equal(file.length, v.bytes);
      assert.ok(v.bytes < main.length, `${v.path} is smaller than the main file`);
      const meta = await sharp(file).metadata();
      assert.equal(meta.format, v.format);
      assert.equal(meta.exif, undefined);
    }
    const audit = await db.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'media').where('entity_id', '=', String(id)).execute();
    assert.deepEqual(audit.map((a) => [a.action, a.user_id !== null, a.site_id]), [['media.upload', true, 1]]);
    const page = await editor.get(String(res.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Đã tải tệp lên\./);
    assert.match(page.body, /Các kích cỡ đã tạo/);
    assert.match(page.body, /2000 × 1500 điểm ảnh/);
    assert.match(page.body, /Tệp này chưa được dùng ở đâu\./);
  });

  test('a Vietnamese file name is kept for display (NFC) and made safe on disk; the title defaults to it', async () => {
    const { editor, db } = get();
    const nfd = 'Báo cáo tổng kết năm 2026.pdf'.normalize('NFD');
    const res = await upload(editor, { name: nfd, data: pdf() });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const row = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
    assert.equal(row.original_name, 'Báo cáo tổng kết năm 2026.pdf');
    assert.equal(row.original_name, row.original_name.normalize('NFC'));
    assert.equal(row.title, 'Báo cáo tổng kết năm 2026');
    assert.equal(row.kind, 'document');
    assert.equal(row.mime, 'application/pdf');
    assert.match(row.disk_path, /^namhonglinh\/2026\/11\/[0-9a-f]{10}-bao-cao-tong-ket-nam-2026\.pdf$/);
    assert.deepEqual(readFileSync(join(db.dataDir, 'media', row.disk_path)), pdf());
  });

  test('RFC 5987 names, DOCX and MP3 are recognised from their content, not the name or Content-Type', async () => {
    const { editor, db } = get();
    const a = await upload(editor, { name: 'Kế hoạch.bin', data: docx(), star: true, contentType: 'text/plain' });
    assert.equal(a.statusCode, 303, a.body.slice(0, 300));
    const doc = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(a.headers.location)).executeTakeFirstOrThrow();
    assert.equal(doc.original_name, 'Kế hoạch.bin');
    assert.match(doc.disk_path, /-ke-hoach\.docx$/);
    assert.equal(doc.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const b = await upload(editor, { name: 'Quốc ca.mp3', data: mp3WithId3() }, { alt: 'bị bỏ qua' });
    const song = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(b.headers.location)).executeTakeFirstOrThrow();
    assert.deepEqual([song.kind, song.mime, song.alt], ['audio', 'audio/mpeg', '']);
  });

  test('a client path cannot steer where the file goes', async () => {
    const { editor, db } = get();
    const res = await upload(editor, { name: '../../../bachonglinh/2026/11/x.pdf', data: pdf('% traversal\n') });
    assert.equal(res.statusCode, 303);
    const row = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
    assert.equal(row.original_name, 'x.pdf');
    assert.match(row.disk_path, /^namhonglinh\/2026\/11\/[0-9a-f]{10}-x\.pdf$/);
    // (The demo stores Bắc Hồng Lĩnh's own pictures under bachonglinh/2026/: the file itself must not be there.)
    assert.equal(existsSync(join(db.dataDir, 'media', 'bachonglinh', '2026', '11', 'x.pdf')), false);
  });

  test('bad files are refused with a Vietnamese message next to the field, typed text kept, nothing stored', async () => {
    const { editor, db } = get();
    const before = [await count(db), storedFiles(db).length];
    await refused(await upload(editor, { name: 'anh-that.jpg', data: Buffer.from('Đây chỉ là văn bản'), contentType: 'image/jpeg' }, { title: 'Tiêu đề tôi gõ' }), 422, UNSUPPORTED);
    const fake = await upload(editor, { name: 'x.jpg', data: Buffer.from('text') }, { title: 'Tiêu đề tôi gõ', alt: 'Mô tả tôi gõ' });
    assert.match(fake.body, /<p class="field-error" id="f-file-error">Định dạng tệp không được hỗ trợ/);
    assert.match(fake.body, /value="Tiêu đề tôi gõ"/);
    assert.match(fake.body, />Mô tả tôi gõ<\/textarea>/);
    await refused(await upload(editor, { name: 'rong.pdf', data: Buffer.alloc(0) }), 422, 'Tệp rỗng.');
    await refused(await upload(editor, undefined, { title: 'Không có tệp' }), 422, 'Vui lòng chọn tệp để tải lên.');
    await refused(await upload(editor, { name: 'anh.png', data: await jpeg(40, 30) }, { title: 'Ảnh thiếu mô tả', alt: '  ' }), 422, 'Vui lòng nhập mô tả ảnh.');
    await refused(await upload(editor, { name: 'bom.png', data: await pixelBomb(20000, 20000) }, { alt: 'x' }), 422, 'Ảnh quá lớn (400 megapixel); tối đa 40 megapixel.');
    await refused(await upload(editor, { name: 'hong.jpg', data: (await jpeg(40, 30)).subarray(0, 200) }, { alt: 'x' }), 422, /Không (đọc|xử lý) được/);
    assert.deepEqual([await count(db), storedFiles(db).length], before);
  });

  test('per-kind size limits, with the limit in the message', async () => {
    const { editor, db } = get();
    const saved = { ...UPLOAD_LIMITS };
    try {
      UPLOAD_LIMITS.document = 100;
      UPLOAD_LIMITS.image = 2048;
      const before = await count(db);
      await refused(await upload(editor, { name: 'lon.pdf', data: pdf('x'.repeat(200)) }), 422, 'Tệp quá lớn: tài liệu tối đa 100 byte.');
      await refused(await upload(editor, { name: 'lon.jpg', data: await jpeg(400, 400, 95) }, { alt: 'x' }), 422, 'Tệp quá lớn: ảnh tối đa 2 KB.');
      assert.equal(await count(db), before);
    } finally {
      Object.assign(UPLOAD_LIMITS, saved);
    }
    assert.match((await editor.get('/quan-tri/thu-vien/tai-len')).body, /ảnh JPEG, PNG, WebP, GIF \(tối đa 15 MB\)/i);
  });

  test('without the right CSRF token the upload is refused with 403 and nothing is stored', async () => {
    const { editor, db } = get();
    const before = [await count(db), storedFiles(db).length];
    const file = { name: 'csrf.pdf', data: pdf() };
    assert.equal((await upload(editor, file, {}, { csrf: null })).statusCode, 403);
    assert.equal((await upload(editor, file, {}, { csrf: 'sai-ma' })).statusCode, 403);
    assert.equal((await upload(editor, file, {}, { csrf: `${editor.csrf.slice(0, -2)}xx` })).statusCode, 403);
    assert.deepEqual([await count(db), storedFiles(db).length], before);
  });

  test('contributors upload and browse; moderators do neither; multipart is refused on other forms', async () => {
    const { contributor, moderator, editor } = get();
    const ok = await upload(contributor, { name: 'Ảnh của cộng tác viên.png', data: await jpeg(300, 200) }, { alt: 'Ảnh' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await contributor.get('/quan-tri/thu-vien')).statusCode, 200);
    assert.equal((await moderator.get('/quan-tri/thu-vien')).statusCode, 403);
    assert.equal((await upload(moderator, { name: 'a.pdf', data: pdf() })).statusCode, 403);
    const other = await editor.app.inject({
      method: 'POST', url: '/quan-tri/bai-viet/moi',
      headers: { host: NAM_HONG_LINH, cookie: editor.cookie, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    assert.equal(other.statusCode, 415);
  });
});
