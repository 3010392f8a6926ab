import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { seedDemoIfEmpty } from '../../src/demo.js';
import type { MediaStorage } from '../../src/kernel/storage/media-storage.js';
import { openMediaStorage } from '../../src/kernel/storage/open.js';
import { describeEachDb } from '../helpers/db.js';
import { startTestBucket, type TestBucket } from '../helpers/s3.js';
import { CONG_CLI, congEnv, createSchema, readMedia } from './state.js';

const work = mkdtempSync(join(tmpdir(), 'cong-bucket-backup-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** The CLI as a child process, without blocking this one (the S3 server answers from here). */
function cong(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CONG_CLI, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const storageOf = (b: TestBucket) => openMediaStorage(loadConfig(b.env, '/').media);

async function bytesOf(storage: MediaStorage, keys: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const key of keys) {
    const file = await storage.get(key);
    const chunks: Buffer[] = [];
    for await (const c of file!.body) chunks.push(Buffer.from(c as Uint8Array));
    out.set(key, Buffer.concat(chunks));
  }
  return out;
}

describeEachDb('backup and restore with the media in a bucket', async (db) => {
  const source = await startTestBucket();
  const media = await storageOf(source);
  await seedDemoIfEmpty(db, media);
  await media.close();
  return { source };
}, (ctx) => {
  test('cong backup reads the files from the bucket; cong restore puts them into another, byte for byte', async () => {
    const { source, db } = ctx();
    const keys = await source.keys();
    assert.ok(keys.length >= 10, `the demo's files are in the bucket (${keys.length})`);
    assert.equal((await readMedia(db.dataDir)).size, 0, 'and not in the media directory');
    const file = join(work, `${db.dialect}.tar.gz`);
    const made = await cong({ ...congEnv(db.dataDir, db.schema), ...source.env }, 'backup', file);
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, new RegExp(`${keys.length} tệp đa phương tiện`));

    const restoredInto = await startTestBucket();
    const schema = db.dialect === 'postgres' ? await createSchema() : null;
    const dataDir = join(mkdtempSync(join(work, 'target-')), 'data');
    try {
      const env = { ...congEnv(dataDir, schema?.schema), ...restoredInto.env };
      const restored = await cong(env, 'restore', file);
      assert.equal(restored.status, 0, restored.stderr);
      assert.deepEqual(await restoredInto.keys(), keys, 'every key in the new bucket');
      const [a, b] = [await storageOf(source), await storageOf(restoredInto)];
      const [before, after] = [await bytesOf(a, keys), await bytesOf(b, keys)];
      await Promise.all([a.close(), b.close()]);
      for (const k of keys) assert.ok(before.get(k)!.equals(after.get(k)!), `${k}: same bytes`);
      assert.equal((await readMedia(dataDir)).size, 0, 'nothing written to the target\'s media directory');

      // A bucket that already holds files is not written into without --force (nor is anything else).
      const schema2 = db.dialect === 'postgres' ? await createSchema() : null;
      const dataDir2 = join(mkdtempSync(join(work, 'target-')), 'data');
      const again = await cong({ ...congEnv(dataDir2, schema2?.schema), ...restoredInto.env }, 'restore', file);
      await schema2?.drop();
      assert.equal(again.status, 1);
      assert.match(again.stderr, /S3 bucket .* đã có tệp/);
    } finally {
      await restoredInto.close();
      await schema?.drop();
    }
  });
}, async ({ source }) => source.close());
