import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from './helpers/app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cong-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function cong(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONG_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
}

test('cong migrate, seed-demo and sites work on a new SQLite database', () => {
  const m = cong('migrate');
  assert.equal(m.status, 0, m.stderr);
  assert.match(m.stdout, /Đã áp dụng: 0001-initial/);
  assert.match(cong('migrate').stdout, /đã ở phiên bản mới nhất/);
  assert.match(cong('seed-demo').stdout, /Đã nạp dữ liệu mẫu/);
  assert.match(cong('seed-demo').stdout, /không nạp dữ liệu mẫu/, 'seeding twice does nothing');
  const sites = cong('sites');
  assert.match(sites.stdout, /1\tnamhonglinh\tCổng thông tin điện tử phường Nam Hồng Lĩnh\t\(mặc định\)\n2\tbachonglinh\tCổng thông tin điện tử phường Bắc Hồng Lĩnh\n3\thonglinh\tCổng thông tin điện tử thị xã Hồng Lĩnh\t\(lưu trữ từ 01\/07\/2025, tiếp nhận: bachonglinh, namhonglinh\)\n/);
  assert.match(sites.stdout, /2\tbachonglinh\t/);
});

test('an unknown command prints the usage in Vietnamese and fails', () => {
  const r = cong('xoa-het');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Lệnh không hợp lệ: xoa-het/);
  assert.match(r.stderr, /Cách dùng: cong <lệnh>/);
});
