import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { allPaths } from '../../src/features/media/present.js';
import { AdminClient, makeUser } from '../helpers/admin.js';
import { buildTestApp, NAM_HONG_LINH, ROOT } from '../helpers/app.js';
import { describeEachDb } from '../helpers/db.js';
import { startTestBucket, type TestBucket } from '../helpers/s3.js';
import { docId, uploadFile } from '../documents/helpers.js';
import { idFromLocation, jpeg, pdf, upload } from '../media/fixtures.js';

/**
 * What a province needs: two instances on different machines (here: different data
 * directories) share one bucket, so a file uploaded through one is served by the other.
 */
describeEachDb(
  'shared media: a second instance serves what the first stored',
  async (db) => {
    const bucket = await startTestBucket();
    const first = await buildTestApp(db, { env: bucket.env });
    const otherDir = mkdtempSync(join(tmpdir(), 'cong-second-'));
    const config = { ...loadConfig({ CONG_DATA_DIR: otherDir, ...bucket.env }, ROOT), databaseUrl: null };
    const second = await buildApp({ config, database: db, logger: false });
    await second.ready();
    await makeUser(db.db, 'bientap', [{ siteId: 1, role: 'editor' }]);
    return { bucket, first, second, otherDir, editor: await AdminClient.login(first, NAM_HONG_LINH, 'bientap') };
  },
  (get) => {
    test('an image uploaded on the first is served, every size, by the second', async () => {
      const { editor, second, db, otherDir } = get();
      const res = await upload(editor, { name: 'Chợ Hồng Lĩnh.jpg', data: await jpeg(1000, 700) }, { alt: 'Chợ' });
      const photo = await db.db.selectFrom('media').selectAll().where('id', '=', idFromLocation(res.headers.location)).executeTakeFirstOrThrow();
      for (const key of allPaths(photo)) {
        const served = await second.inject({ url: `/media/${key}`, headers: { host: NAM_HONG_LINH } });
        assert.equal(served.statusCode, 200, key);
        assert.ok(!existsSync(join(otherDir, 'media', key)) && !existsSync(join(db.dataDir, 'media', key)));
      }
    });

    test('a document attached on the first is downloaded, in parts, from the second', async () => {
      const { editor, second, db } = get();
      const id = await docId(db, 1, '45/TB-UBND');
      const body = pdf('% thông báo\n'.repeat(50));
      assert.equal((await uploadFile(editor, id, { name: 'Thông báo 45.pdf', data: body })).statusCode, 303);
      const file = await db.db.selectFrom('document_files').selectAll().where('document_id', '=', id).executeTakeFirstOrThrow();
      const part = await second.inject({ url: `/van-ban/tai-ve/${file.id}`, headers: { host: NAM_HONG_LINH, range: 'bytes=0-99' } });
      assert.equal(part.statusCode, 206);
      assert.ok(part.rawPayload.equals(body.subarray(0, 100)));
    });
  },
  async ({ bucket, first, second, otherDir }: { bucket: TestBucket; first: FastifyInstance; second: FastifyInstance; otherDir: string }) => {
    await second.close();
    await first.close();
    await bucket.close();
    rmSync(otherDir, { recursive: true, force: true });
  },
);
