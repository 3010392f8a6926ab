import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../helpers/app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cong-reindex-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function cong(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONG_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
}

test('cong reindex rebuilds one site or all, with progress on stderr', () => {
  assert.equal(cong('seed-demo').status, 0);
  const one = cong('reindex', 'namhonglinh');
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stderr, /^Đang lập chỉ mục namhonglinh: 0\/\d+ bài \(0%\)$/m);
  assert.match(one.stderr, /^Đang lập chỉ mục namhonglinh: (\d+)\/\1 bài \(100%\)$/m);
  assert.match(one.stdout, /^Đã lập chỉ mục \d+ bài của namhonglinh trong [\d,]+ giây\.$/m);
  assert.doesNotMatch(one.stdout + one.stderr, /bachonglinh/);
  const all = cong('reindex');
  assert.equal(all.status, 0, all.stderr);
  assert.match(all.stdout, /của namhonglinh[\s\S]*của bachonglinh/);
  const unknown = cong('reindex', 'khongco');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /Không có trang thông tin mã khongco/);
});
