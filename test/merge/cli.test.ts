import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connect, type DatabaseHandle } from '../../src/kernel/db/connection.js';
import { insertSite } from '../../src/kernel/sites/repo.js';
import { ROOT } from '../helpers/app.js';
import { everyRow } from './fixture.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cong-merge-cli-'));
let handle: DatabaseHandle;

function cong(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONG_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
}

before(async () => {
  assert.equal(cong('seed-demo').status, 0);
  handle = connect({ databaseUrl: null, dataDir });
  const settings = (await handle.db.selectFrom('sites').select('settings').where('id', '=', 1).executeTakeFirstOrThrow()).settings;
  await insertSite(handle.db, { code: 'honglinhmoi', name: 'Cổng thông tin điện tử phường Hồng Lĩnh', isDefault: false, settings: JSON.parse(settings), counterBase: 0, hosts: ['honglinhmoi.localhost'] }, new Date().toISOString());
});
after(async () => {
  await handle?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('cong merge-sites refuses bad input with a Vietnamese message, exit 1, nothing changed', async () => {
  const rows = await everyRow(handle.db);
  const cases: [string[], RegExp][] = [
    [['--into', 'honglinhmoi', 'namhonglinh', 'namhonglinh'], /^Trang cũ namhonglinh được nêu hai lần\.$/m],
    [['--into', 'honglinhmoi', 'honglinhmoi'], /^Trang honglinhmoi vừa là trang nhận vừa là trang cũ/m],
    [['--into', 'xamoi', 'namhonglinh'], /^Không có trang thông tin mã xamoi\.$/m],
    [['--into', 'honglinhmoi'], /^Hãy nêu ít nhất một trang cũ cần hợp nhất\.$/m],
    [['--into', 'honglinhmoi', 'namhonglinh', '--xoa'], /^Tuỳ chọn không hợp lệ: --xoa\.$/m],
    [['--into', 'honglinhmoi', 'namhonglinh', '--categories', 'cay'], /Cách gộp chuyên mục “cay” không hợp lệ: chọn subtree hoặc by-name\./],
  ];
  for (const [args, message] of cases) {
    const r = cong('merge-sites', ...args);
    assert.equal(r.status, 1, args.join(' '));
    assert.match(r.stderr, message);
  }
  assert.deepEqual(await everyRow(handle.db), rows);
});

test('cong merge-sites --dry-run prints the plan and changes nothing; the merge shows progress and a summary; a re-run has nothing to do', async () => {
  const rows = await everyRow(handle.db);
  const dry = cong('merge-sites', '--into', 'honglinhmoi', 'namhonglinh', 'bachonglinh', '--dry-run', '--categories', 'by-name');
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /^Chạy thử \(--dry-run\): chưa thay đổi gì\./);
  assert.match(dry.stdout, /Cổng thông tin điện tử phường Nam Hồng Lĩnh \(namhonglinh\) → Cổng thông tin điện tử phường Hồng Lĩnh \(honglinhmoi\): sẽ chuyển [\d.]+ mục\./);
  assert.match(dry.stdout, /^  Bài viết: 39$/m);
  assert.match(dry.stdout, /^  Bài viết: 18$/m);
  assert.match(dry.stdout, /Địa chỉ cũ sẽ tạo: [\d.]+; /);
  assert.deepEqual(await everyRow(handle.db), rows);

  const run = cong('merge-sites', '--into', 'honglinhmoi', 'namhonglinh', 'bachonglinh', '--categories', 'by-name');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /^Đã chuyển 0\/[\d.]+ mục \(0%\)/m);
  assert.match(run.stderr, /^Đã chuyển ([\d.]+)\/\1 mục \(100%\), [\d.]+ mục\/giây/m);
  assert.match(run.stdout, /Xong: 2 trang đã hợp nhất vào honglinhmoi và trở thành trang lưu trữ\./);
  // By name: the second site's "Thông báo" goes into the category the first one brought, not a copy.
  const cats = await handle.db.selectFrom('categories').select(['site_id', 'slug']).where('slug', 'like', 'thong-bao%').orderBy('site_id').execute();
  assert.deepEqual(cats.map((c) => c.site_id), [2, 3, 4], 'the demo\'s archived former town (3) keeps its own');
  assert.match(run.stdout, /Gộp vào mục sẵn có — Chuyên mục: “Thông báo” → “Thông báo”/);
  const again = cong('merge-sites', '--into', 'honglinhmoi', 'namhonglinh', 'bachonglinh');
  assert.equal(again.status, 0);
  assert.match(again.stdout, /^namhonglinh đã được hợp nhất vào honglinhmoi trước đó; không còn gì để chuyển\.$/m);
  assert.match(again.stdout, /^bachonglinh đã được hợp nhất vào honglinhmoi trước đó; không còn gì để chuyển\.$/m);
});
