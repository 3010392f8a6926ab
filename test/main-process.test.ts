import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from './helpers/app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cong-main-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('first start creates and migrates the SQLite database, loads the demo, prints the URLs and stops cleanly', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CONG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/bachonglinh\.localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  assert.match(out, /đã nạp dữ liệu mẫu/);
  assert.match(out, /http:\/\/namhonglinh\.localhost:\d+\//);
  assert.ok(existsSync(join(dataDir, 'cong.db')));
  const res = await fetch(`http://127.0.0.1:${port}/`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Cổng thông tin điện tử phường Nam Hồng Lĩnh/);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exit, 0, 'graceful shutdown exits 0');
});
