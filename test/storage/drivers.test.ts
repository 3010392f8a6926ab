import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { loadConfig } from '../../src/config.js';
import { LocalDirectory } from '../../src/kernel/storage/local-directory.js';
import { StorageUnavailable, type MediaStorage } from '../../src/kernel/storage/media-storage.js';
import { openMediaStorage } from '../../src/kernel/storage/open.js';
import { startTestBucket, type TestBucket } from '../helpers/s3.js';

/** The contract both stores keep; the same tests run on a directory and on a real S3 server. */
for (const driver of ['local', 's3'] as const) {
  describe(`media storage: the ${driver} driver`, () => {
    let dataDir: string;
    let bucket: TestBucket | null = null;
    let store: MediaStorage;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cong-storage-'));
      if (driver === 's3') bucket = await startTestBucket();
      store = await openMediaStorage(loadConfig({ CONG_DATA_DIR: dataDir, ...bucket?.env }, '/').media);
    });
    after(async () => {
      await store.close();
      await bucket?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('a file is stored, described and read back whole', async () => {
      await store.put('namhonglinh/2026/11/ab12-bao-cao.pdf', Buffer.from('%PDF-1.4 báo cáo'), 'application/pdf');
      const head = await store.head('namhonglinh/2026/11/ab12-bao-cao.pdf');
      assert.equal(head?.size, Buffer.byteLength('%PDF-1.4 báo cáo'));
      assert.match(head!.etag, /^"[^"]+"$/);
      assert.ok(Math.abs(head!.lastModified.getTime() - Date.now()) < 60_000);
      const file = await store.get('namhonglinh/2026/11/ab12-bao-cao.pdf');
      assert.equal(file?.etag, head!.etag);
      assert.equal(await text(file!.body), '%PDF-1.4 báo cáo');
    });

    test('a byte range is read without the rest', async () => {
      await store.put('namhonglinh/songs/9.wav', Buffer.from('0123456789'), 'audio/wav');
      const part = await store.get('namhonglinh/songs/9.wav', { start: 3, end: 6 });
      assert.equal(part?.size, 10, 'the size is the whole file’s');
      assert.equal(await text(part!.body), '3456');
    });

    test('a missing file is null for head and get; deleting it is not an error', async () => {
      assert.equal(await store.head('namhonglinh/2026/11/khong-co.jpg'), null);
      assert.equal(await store.get('namhonglinh/2026/11/khong-co.jpg'), null);
      await store.delete('namhonglinh/2026/11/khong-co.jpg');
    });

    test('delete removes the file; list finds keys by prefix', async () => {
      await store.put('bachonglinh/van-ban/aa-1.pdf', Buffer.from('%PDF-a'), 'application/pdf');
      await store.put('bachonglinh/van-ban/bb-2.pdf', Buffer.from('%PDF-b'), 'application/pdf');
      const listed = async (prefix: string) => {
        const keys: string[] = [];
        for await (const k of store.list(prefix)) keys.push(k);
        return keys.sort();
      };
      assert.deepEqual(await listed('bachonglinh/'), ['bachonglinh/van-ban/aa-1.pdf', 'bachonglinh/van-ban/bb-2.pdf']);
      await store.delete('bachonglinh/van-ban/aa-1.pdf');
      assert.equal(await store.head('bachonglinh/van-ban/aa-1.pdf'), null);
      assert.deepEqual(await listed('bachonglinh/'), ['bachonglinh/van-ban/bb-2.pdf']);
    });

    test('keys we would never make are refused before anything is touched', async () => {
      for (const key of ['../cong.db', '/etc/passwd.txt', 'namhonglinh/../../x.jpg', 'HONGLINH/a.jpg', 'namhonglinh/.an.jpg', 'namhonglinh/a']) {
        await assert.rejects(store.put(key, Buffer.from('x'), 'text/plain'), /unsafe media key/, key);
        await assert.rejects(store.get(key), /unsafe media key/, key);
      }
    });

    if (driver === 'local') {
      test('the directory layout is the keys under <dataDir>/media (what backups archive); no temporary file is left', async () => {
        assert.ok(store instanceof LocalDirectory);
        assert.equal(readFileSync(join(dataDir, 'media', 'namhonglinh/2026/11/ab12-bao-cao.pdf'), 'utf8'), '%PDF-1.4 báo cáo');
        assert.deepEqual(readdirSync(join(dataDir, 'media', 'namhonglinh/2026/11')), ['ab12-bao-cao.pdf']);
      });
    } else {
      test('the bytes are objects of the bucket, under the same keys, with their type; nothing is on local disk', async () => {
        const object = await bucket!.client.send(new GetObjectCommand({ Bucket: bucket!.bucket, Key: 'namhonglinh/2026/11/ab12-bao-cao.pdf' }));
        assert.equal(object.ContentType, 'application/pdf');
        assert.equal(await object.Body!.transformToString(), '%PDF-1.4 báo cáo');
        assert.equal(existsSync(join(dataDir, 'media')), false);
      });

      test('a bucket that does not exist is a failure of the store (503), not a missing file (404)', async () => {
        const wrong = await openMediaStorage(loadConfig({ ...bucket!.env, CONG_S3_BUCKET: 'khong-co-bucket' }, '/').media);
        try {
          await assert.rejects(wrong.get('namhonglinh/2026/11/ab12-bao-cao.pdf'), (err: Error) => err instanceof StorageUnavailable && (err.cause as Error).name === 'NoSuchBucket');
        } finally {
          await wrong.close();
        }
      });
    }
  });
}
