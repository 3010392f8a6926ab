import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import { allPaths, variantsOf } from '../../src/features/media/present.js';
import type { MediaRow } from '../../src/kernel/db/tables/media.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { startTestBucket, type TestBucket } from '../helpers/s3.js';
import { docId, uploadFile } from '../documents/helpers.js';
import { idFromLocation, jpeg, pdf, upload } from '../media/fixtures.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Uploading through the back office and serving to readers, once with the media directory and
 * once with a bucket on a real S3-protocol server: the same answers from both, and the bytes
 * really where the configuration says.
 */
for (const driver of ['local', 's3'] as const) {
  describeEachDb(
    `shared media: upload and serve from the ${driver} store`,
    async (db) => {
      const bucket = driver === 's3' ? await startTestBucket() : null;
      const app = await buildTestApp(db, { env: bucket?.env, now: () => new Date('2026-11-26T03:00:00.000Z') });
      await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
      const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
      const res = await upload(editor, { name: 'Cầu Hồng Lĩnh.jpg', data: await jpeg(1200, 800, 95) }, { alt: 'Cầu Hồng Lĩnh' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const photo = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
      return { app, bucket, editor, photo };
    },
    (get) => {
      const fetch = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') => get().app.inject({ method, url, headers: { host: NAM_HONG_LINH, ...headers } });
      /** The bytes as the store holds them, read around the application. */
      const stored = async (key: string): Promise<Buffer> => {
        const { bucket, db } = get();
        if (!bucket) return readFileSync(join(db.dataDir, 'media', key));
        const o = await bucket.client.send(new GetObjectCommand({ Bucket: bucket.bucket, Key: key }));
        return Buffer.from(await o.Body!.transformToByteArray());
      };
      const onDisk = (db: TestDb, key: string) => existsSync(join(db.dataDir, 'media', key));

      test('the photo and its responsive sizes are written to the store, and only there', async () => {
        const { photo, bucket, db } = get();
        const keys = allPaths(photo);
        assert.ok(variantsOf(photo).length >= 3, 'WebP and smaller widths were made');
        for (const key of keys) {
          if (bucket) {
            assert.ok(await bucket.has(key), `${key} is in the bucket`);
            assert.ok(!onDisk(db, key), `${key} is not on local disk`);
          } else {
            assert.ok(onDisk(db, key), `${key} is in the media directory`);
          }
        }
        // The demo's songs and document PDFs went to the same store.
        if (bucket) {
          assert.ok((await bucket.keys('namhonglinh/songs/')).length > 0);
          assert.ok((await bucket.keys('namhonglinh/van-ban/')).length > 0);
          assert.equal(existsSync(join(db.dataDir, 'media')), false, 'nothing at all under <dataDir>/media');
        }
      });

      test('each size is served with its type, length, validators and a year of immutable caching', async () => {
        const { photo } = get();
        for (const key of allPaths(photo)) {
          const res = await fetch(`/media/${key}`);
          assert.equal(res.statusCode, 200, key);
          assert.equal(res.headers['content-type'], key.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
          assert.equal(res.headers['content-length'], String(res.rawPayload.length));
          assert.equal(res.headers['cache-control'], IMMUTABLE);
          assert.equal(res.headers['x-content-type-options'], 'nosniff');
          assert.equal(res.headers['accept-ranges'], 'bytes');
          assert.match(String(res.headers.etag), /^"[^"]+"$/);
          assert.match(String(res.headers['last-modified']), HTTP_DATE);
          assert.ok(res.rawPayload.equals(await stored(key)), `${key}: the bytes of the store`);
        }
      });

      test('a revalidation gets 304 without a body; HEAD gets the headers without the bytes', async () => {
        const { photo } = get();
        const url = `/media/${photo.disk_path}`;
        const full = await fetch(url);
        const byTag = await fetch(url, { 'if-none-match': String(full.headers.etag) });
        assert.equal(byTag.statusCode, 304);
        assert.equal(byTag.rawPayload.length, 0);
        assert.equal(byTag.headers.etag, full.headers.etag);
        assert.equal(byTag.headers['cache-control'], IMMUTABLE);
        assert.equal((await fetch(url, { 'if-none-match': '"khac"' })).statusCode, 200);
        assert.equal((await fetch(url, { 'if-modified-since': String(full.headers['last-modified']) })).statusCode, 304);
        assert.equal((await fetch(url, { 'if-modified-since': 'Mon, 01 Jan 2024 00:00:00 GMT' })).statusCode, 200);
        const head = await fetch(url, {}, 'HEAD');
        assert.equal(head.statusCode, 200);
        assert.equal(head.headers['content-length'], full.headers['content-length']);
        assert.equal(head.headers.etag, full.headers.etag);
        assert.equal(head.rawPayload.length, 0);
      });

      test('a document file is attached, downloaded whole, in parts (206) and not past its end (416)', async () => {
        const { app, editor, db, bucket } = get();
        const id = await docId(db, 1, '03/CT-UBND');
        const body = pdf('% ' + 'chỉ thị '.repeat(200) + '\n');
        assert.equal((await uploadFile(editor, id, { name: 'Chỉ thị 03.pdf', data: body })).statusCode, 303);
        const file = await db.db.selectFrom('document_files').selectAll().where('document_id', '=', id).executeTakeFirstOrThrow();
        assert.equal(bucket ? await bucket.has(file.disk_path) : onDisk(db, file.disk_path), true);
        if (bucket) assert.ok(!onDisk(db, file.disk_path));
        const url = `/van-ban/tai-ve/${file.id}`;
        const whole = await app.inject({ url, headers: { host: NAM_HONG_LINH } });
        assert.equal(whole.statusCode, 200);
        assert.equal(whole.headers['content-type'], 'application/pdf');
        assert.equal(whole.headers['content-length'], String(body.length));
        assert.equal(whole.headers['cache-control'], 'public, max-age=300');
        assert.match(String(whole.headers['content-disposition']), /^attachment; filename="Chi thi 03\.pdf"/);
        assert.ok(whole.rawPayload.equals(body));
        const part = await fetch(url, { range: 'bytes=100-299' });
        assert.equal(part.statusCode, 206);
        assert.equal(part.headers['content-range'], `bytes 100-299/${body.length}`);
        assert.equal(part.headers['content-length'], '200');
        assert.equal(part.headers['content-type'], 'application/pdf');
        assert.ok(part.rawPayload.equals(body.subarray(100, 300)));
        const tail = await fetch(url, { range: 'bytes=-50' });
        assert.equal(tail.headers['content-range'], `bytes ${body.length - 50}-${body.length - 1}/${body.length}`);
        assert.ok(tail.rawPayload.equals(body.subarray(body.length - 50)));
        const resumed = await fetch(url, { range: `bytes=${body.length - 10}-`, 'if-range': String(whole.headers.etag) });
        assert.equal(resumed.statusCode, 206);
        assert.ok(resumed.rawPayload.equals(body.subarray(body.length - 10)));
        assert.equal((await fetch(url, { range: 'bytes=0-9', 'if-range': '"cu"' })).statusCode, 200, 'a changed file is sent whole');
        const past = await fetch(url, { range: `bytes=${body.length}-` });
        assert.equal(past.statusCode, 416);
        assert.equal(past.headers['content-range'], `bytes */${body.length}`);
        assert.equal((await fetch(url, { 'if-none-match': String(whole.headers.etag) })).statusCode, 304);
      });

      test('the demo songs play from the store, with seeking', async () => {
        const { db } = get();
        const song = await db.db.selectFrom('songs').selectAll().where('site_id', '=', 1).orderBy('position').executeTakeFirstOrThrow();
        const whole = await fetch(`/bai-hat/${song.id}`);
        assert.equal(whole.statusCode, 200);
        assert.equal(whole.headers['content-type'], 'audio/wav');
        assert.equal(whole.headers['cache-control'], 'public, max-age=86400');
        assert.ok(whole.rawPayload.equals(await stored(song.file_path)));
        const seek = await fetch(`/bai-hat/${song.id}`, { range: 'bytes=44-1043' });
        assert.equal(seek.statusCode, 206);
        assert.ok(seek.rawPayload.equals(whole.rawPayload.subarray(44, 1044)));
      });

      test('a file gone from the store is 404, and so is an unknown key', async () => {
        const { app, editor, db } = get();
        const res = await upload(editor, { name: 'Tạm.jpg', data: await jpeg(300, 200) }, { alt: 'Tạm' });
        const row = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
        await app.cong.media.delete(row.disk_path);
        const asked: Record<string, string>[] = [{}, { range: 'bytes=0-9' }, { 'if-none-match': '"x"' }];
        for (const headers of asked) {
          assert.equal((await fetch(`/media/${row.disk_path}`, headers)).statusCode, 404);
        }
        assert.equal((await fetch('/media/namhonglinh/2026/11/0000000000-khong-co.jpg')).statusCode, 404);
        assert.notEqual((await fetch('/media/namhonglinh/2026/11/0000000000-khong-co.jpg')).headers['cache-control'], IMMUTABLE);
      });

      test('deleting from the library removes every size from the store', async () => {
        const { editor, db, bucket } = get();
        const res = await upload(editor, { name: 'Xóa.jpg', data: await jpeg(1000, 600) }, { alt: 'Xóa' });
        const row: MediaRow = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
        assert.equal((await editor.post(`/quan-tri/thu-vien/${row.id}/xoa`)).statusCode, 303);
        for (const key of allPaths(row)) {
          assert.equal(bucket ? await bucket.has(key) : onDisk(db, key), false, key);
          assert.equal((await fetch(`/media/${key}`)).statusCode, 404);
        }
        if (!bucket) assert.deepEqual(readdirSync(join(db.dataDir, 'media', 'namhonglinh', '2026', '11')).filter((n) => n.startsWith('.')), [], 'no temporary file left');
      });
    },
    async ({ app, bucket }: { app: FastifyInstance; bucket: TestBucket | null }) => {
      await app.close();
      await bucket?.close();
    },
  );
}
