import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../helpers/app.js';
import { startTestBucket, type TestBucket } from '../helpers/s3.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cong-s3-main-'));
let bucket: TestBucket;
before(async () => (bucket = await startTestBucket()));
after(async () => {
  await bucket.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('`npm start` with CONG_S3_* and two workers: the demo files go to the bucket and every worker streams them', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    env: { ...process.env, ...bucket.env, PORT: '0', HOST: '127.0.0.1', CONG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', CONG_WORKERS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /trang mặc định: http:\/\/localhost:(\d+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    assert.ok((await bucket.keys('namhonglinh/songs/')).length > 0, 'the demo songs are objects of the bucket');
    assert.ok((await bucket.keys('namhonglinh/van-ban/')).length > 0, 'so are the demo documents’ PDFs');
    assert.equal(existsSync(join(dataDir, 'media')), false, 'and nothing is on local disk');
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    const song = /href="(\/bai-hat\/\d+)"/.exec(home)?.[1];
    assert.ok(song, 'the home page lists a song');
    // Several requests: the primary deals the connections to both workers.
    for (let i = 0; i < 6; i++) {
      const res: Response = await fetch(`http://127.0.0.1:${port}${song}`, { headers: { range: 'bytes=0-43' } });
      assert.equal(res.status, 206);
      assert.equal(res.headers.get('content-type'), 'audio/wav');
      const head = Buffer.from(await res.arrayBuffer());
      assert.equal(head.length, 44);
      assert.equal(head.toString('latin1', 0, 4), 'RIFF');
    }
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exit, 0, 'graceful shutdown exits 0');
});
