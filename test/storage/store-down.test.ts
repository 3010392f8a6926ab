import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH } from '../helpers/app.js';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import { describeEachDb, type TestDb } from '../helpers/db.js';
import { startTestBucket, type TestBucket } from '../helpers/s3.js';
import { idFromLocation, jpeg, upload } from '../media/fixtures.js';

const UNAVAILABLE = /Kho lưu trữ tệp đang không phản hồi nên chưa đọc hoặc lưu được tệp/;
const mediaRows = async (db: TestDb) => Number((await db.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** When the store fails, people get a clear 503 in Vietnamese and nothing half-written is left. */
describeEachDb(
  'shared media: the bucket stops answering',
  async (db) => {
    const bucket = await startTestBucket();
    const app = await buildTestApp(db, { env: bucket.env, now: () => new Date('2026-11-26T03:00:00.000Z') });
    await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
    const editor = await AdminClient.login(app, NAM_HONG_LINH, 'bientap');
    const res = await upload(editor, { name: 'Đình làng.jpg', data: await jpeg(600, 400) }, { alt: 'Đình' });
    const photo = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
    await bucket.close();
    return { app, bucket, editor, photo };
  },
  (get) => {
    test('a reader gets 503 with the message, not a 404 and not a 500', async () => {
      const { app, photo } = get();
      for (const headers of [{}, { range: 'bytes=0-9' }] as Record<string, string>[]) {
        const res = await app.inject({ url: `/media/${photo.disk_path}`, headers: { host: NAM_HONG_LINH, ...headers } });
        assert.equal(res.statusCode, 503);
        assert.match(res.body, UNAVAILABLE);
        assert.notEqual(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      }
      // Not kept as the site's 503 page: that one answers a database outage with its own message.
      assert.equal(app.cong.pageCache.peek(PageCache.errorKey(1, 503)), undefined);
    });

    test('an upload gets 503 with the message and stores no row', async () => {
      const { editor, db } = get();
      const before = await mediaRows(db);
      const res = await upload(editor, { name: 'Chùa.jpg', data: await jpeg(600, 400) }, { alt: 'Chùa' });
      assert.equal(res.statusCode, 503);
      assert.match(res.body, UNAVAILABLE);
      assert.equal(await mediaRows(db), before);
    });
  },
  async ({ app }: { app: FastifyInstance; bucket: TestBucket }) => {
    await app.close();
  },
);

describeEachDb(
  'shared media: the media directory cannot be written',
  async (db) => {
    const app = await buildTestApp(db, { now: () => new Date('2026-11-26T03:00:00.000Z') });
    await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
    return { app, editor: await AdminClient.login(app, NAM_HONG_LINH, 'bientap') };
  },
  (get) => {
    test('an upload gets 503 with the message, stores no row and leaves no temporary file', async () => {
      const { editor, db } = get();
      // A file where the month's folder should be: the directory cannot be made (as a broken mount would).
      const year = join(db.dataDir, 'media', 'namhonglinh', '2026');
      rmSync(year, { recursive: true, force: true });
      writeFileSync(year, 'không phải thư mục');
      const before = await mediaRows(db);
      const res = await upload(editor, { name: 'Chùa.jpg', data: await jpeg(600, 400) }, { alt: 'Chùa' });
      assert.equal(res.statusCode, 503);
      assert.match(res.body, UNAVAILABLE);
      assert.equal(await mediaRows(db), before);
    });
  },
  async ({ app }: { app: FastifyInstance }) => {
    await app.close();
  },
);
