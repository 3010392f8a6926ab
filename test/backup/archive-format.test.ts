import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ArchiveWriter, extractArchive } from '../../src/kernel/backup/archive.js';
import { listMediaFiles } from '../../src/kernel/backup/media.js';

const dir = mkdtempSync(join(tmpdir(), 'cong-tar-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A stored media path as long as we make them: site code, month, random part, a 60-character slug.
const LONG = `media/phuongbachonglinh/2026/11/3f9a0c1d2e-${'bao-cao-tong-ket-cong-tac-phong-chong-thien-tai-nam-2026-'.slice(0, 60)}.webp`;

test('archives are plain ustar that the system tar reads, names past 100 bytes and empty files included; reading back gives the same bytes and checksums', async () => {
  assert.ok(LONG.length > 100);
  const file = join(dir, 'a.tar.gz');
  const w = new ArchiveWriter(file);
  const big = Buffer.alloc(1_000_003, 7);
  await w.addBuffer(LONG, big);
  await w.addBuffer('media/rong.txt', Buffer.alloc(0));
  await w.addBuffer('manifest.json', Buffer.from('{"tên":"Hồng Lĩnh"}'));
  const whole = await w.finish();
  assert.equal(whole, createHash('sha256').update(readFileSync(file)).digest('hex'));
  assert.deepEqual(execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n'), [LONG, 'media/rong.txt', 'manifest.json']);

  const sums = await extractArchive(file, join(dir, 'out'));
  assert.deepEqual(sums, w.sums);
  assert.ok(readFileSync(join(dir, 'out', LONG)).equals(big));
  assert.equal(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'), '{"tên":"Hồng Lĩnh"}');
});

test('an entry that would land outside the target folder is refused before it is written', async () => {
  for (const name of ['../ngoai.txt', '/etc/cong.txt', 'media/../../ngoai.txt']) {
    const file = join(dir, `bad-${Math.random()}.tar.gz`);
    const w = new ArchiveWriter(file);
    await w.addBuffer(name, Buffer.from('x'));
    await w.finish();
    await assert.rejects(extractArchive(file, join(dir, `bad-out-${Math.random()}`)), /tar: unsafe name/);
  }
});

test('the media listing leaves out files still being written under a temporary dot-name', async () => {
  const data = join(dir, 'data');
  mkdirSync(join(data, 'media', 'namhonglinh', '2026', '11'), { recursive: true });
  writeFileSync(join(data, 'media', 'namhonglinh', '2026', '11', 'a1b2c3d4e5-bao-cao.pdf'), 'pdf');
  writeFileSync(join(data, 'media', 'namhonglinh', '2026', '11', '.a1b2c3d4e5-anh.jpg.9f8e7d6c5b4a.tmp'), 'nửa tệp');
  assert.deepEqual(await listMediaFiles(data), ['namhonglinh/2026/11/a1b2c3d4e5-bao-cao.pdf']);
  assert.deepEqual(await listMediaFiles(join(dir, 'khong-co')), [], 'no media folder: nothing to list');
});
