import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedDemoIfEmpty } from '../../src/demo.js';
import { createBackup, type BackupSource } from '../../src/kernel/backup/backup.js';
import { BackupRefusal, type RefusalCode } from '../../src/kernel/backup/refusal.js';
import { restoreBackup } from '../../src/kernel/backup/restore.js';
import { describeEachDb, PG_URL, type TestDb } from '../helpers/db.js';
import { congEnv, congSync, createSchema, openRestored, plain, readMedia, readTables } from './state.js';

const work = mkdtempSync(join(tmpdir(), 'cong-restore-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function sourceOf(db: TestDb): BackupSource {
  return db.dialect === 'sqlite' ? { dialect: 'sqlite' } : { dialect: 'postgres', databaseUrl: PG_URL, schema: db.schema };
}

/** Unpacks an archive with the system's tar, lets `edit` change it, packs it again. */
function repack(file: string, name: string, edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(work, 'repack-'));
  execFileSync('tar', ['-xzf', file, '-C', dir]);
  edit(dir);
  const out = join(work, name);
  execFileSync('tar', ['-C', dir, '--format=ustar', '-czf', out, ...readdirSync(dir)]);
  return out;
}

/** A fresh, empty place to restore into (a data directory, and a schema on PostgreSQL). */
async function emptyTarget(db: TestDb) {
  const dataDir = join(mkdtempSync(join(work, 'target-')), 'data');
  const schema = db.dialect === 'postgres' ? await createSchema() : null;
  const target: BackupSource = db.dialect === 'sqlite' ? { dialect: 'sqlite' } : { dialect: 'postgres', databaseUrl: PG_URL, schema: schema!.schema };
  return { dataDir, schema, target };
}

async function refused(code: RefusalCode, message: RegExp, run: () => Promise<unknown>): Promise<void> {
  await assert.rejects(run, (err: unknown) => {
    assert.ok(err instanceof BackupRefusal, String(err));
    assert.equal(err.code, code);
    assert.match(err.message, message);
    return true;
  });
}

/** The target is as it was before: no database, no media, no unpacking left behind. */
async function untouched(db: TestDb, t: Awaited<ReturnType<typeof emptyTarget>>): Promise<void> {
  assert.deepEqual(existsSync(t.dataDir) ? readdirSync(t.dataDir) : [], [], 'nothing written into the data directory');
  if (t.schema) {
    const h = openRestored('postgres', t.dataDir, t.schema.schema);
    assert.equal((await readTables(h)).size, 0, 'no table created in the schema');
    await h.close();
  }
}

describeEachDb('restore refusals', async (db) => {
  await seedDemoIfEmpty(db, db.media);
  const file = join(work, `${db.dialect}-good.tar.gz`);
  await createBackup({ file, dataDir: db.dataDir, source: sourceOf(db) });
  return { file };
}, (get) => {
  test('a target that holds data is refused without --force and left as it was; --force replaces it with the backup', async () => {
    const { db, file } = get();
    const t = await emptyTarget(db);
    const env = congEnv(t.dataDir, t.schema?.schema);
    try {
      assert.equal(congSync(env, 'restore', file).status, 0);
      const h = openRestored(db.dialect, t.dataDir, t.schema?.schema);
      await h.db.deleteFrom('comments').execute();
      await h.db.updateTable('sites').set({ name: 'Trang đã sửa sau khi khôi phục' }).where('id', '=', 1).execute();
      await h.close();
      writeFileSync(join(t.dataDir, 'media', 'namhonglinh', 'tep-moi.txt'), 'tệp thêm sau');
      const before = await snapshotOf(db, t);

      const r = congSync(env, 'restore', file);
      assert.equal(r.status, 1);
      assert.match(r.stderr, db.dialect === 'sqlite' ? /Thư mục dữ liệu .* đã có cơ sở dữ liệu \(cong\.db\)\. Khôi phục sẽ ghi đè dữ liệu này: thêm --force/ : /Lược đồ PostgreSQL "r_\w+" đã có [\d.]+ dòng dữ liệu\. Khôi phục sẽ ghi đè/);
      assert.deepEqual(await snapshotOf(db, t), before, 'the refused restore changed nothing');
      assert.ok(!readdirSync(t.dataDir).some((n) => n.startsWith('.khoi-phuc-')), 'no unpacking left behind');

      const forced = congSync(env, 'restore', file, '--force');
      assert.equal(forced.status, 0, forced.stderr);
      const after = await snapshotOf(db, t);
      assert.deepEqual(after.tables, plain(await readTables(db)));
      assert.deepEqual(after.media, Object.fromEntries(await readMedia(db.dataDir)));
    } finally {
      await t.schema?.drop();
    }
  });

  test('a corrupted archive is refused before anything is touched: a changed byte, a missing file, a cut-off file', async () => {
    const { db, file } = get();
    const t = await emptyTarget(db);
    try {
      const changed = repack(file, `${db.dialect}-changed.tar.gz`, (dir) => {
        const pdf = join(dir, 'media', 'namhonglinh', 'van-ban', readdirSync(join(dir, 'media', 'namhonglinh', 'van-ban'))[0]!);
        const bytes = readFileSync(pdf);
        bytes[bytes.length >> 1] ^= 0xff;
        writeFileSync(pdf, bytes);
      });
      await refused('checksum_mismatch', /^Bản sao lưu đã bị hỏng hoặc bị sửa: tệp media\/namhonglinh\/van-ban\/.*\.pdf sai mã kiểm tra\. Không khôi phục gì\.$/, () => restoreBackup({ file: changed, dataDir: t.dataDir, target: t.target }));
      await untouched(db, t);

      const missing = repack(file, `${db.dialect}-missing.tar.gz`, (dir) => rmSync(join(dir, 'database'), { recursive: true }));
      await refused('checksum_mismatch', /thiếu tệp database\/(cong\.db|postgres\.sql)/, () => restoreBackup({ file: missing, dataDir: t.dataDir, target: t.target }));
      await untouched(db, t);

      const cut = join(work, `${db.dialect}-cut.tar.gz`);
      writeFileSync(cut, readFileSync(file));
      truncateSync(cut, Math.floor(statSync(cut).size / 2));
      await refused('not_an_archive', /^Tệp .*-cut\.tar\.gz không phải bản sao lưu của Cổng hoặc đã hỏng/, () => restoreBackup({ file: cut, dataDir: t.dataDir, target: t.target }));
      await untouched(db, t);
    } finally {
      await t.schema?.drop();
    }
  });

  test('an archive made by a newer Cổng (a migration this code does not know) is refused', async () => {
    const { db, file } = get();
    const t = await emptyTarget(db);
    try {
      const newer = repack(file, `${db.dialect}-newer.tar.gz`, (dir) => {
        const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
        m.migrations.push('0099-tuong-lai');
        m.version = '9.0.0';
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      });
      await refused('newer_schema', /^Bản sao lưu do phiên bản Cổng mới hơn tạo \(9\.0\.0; cấu trúc dữ liệu 0099-tuong-lai\)\. Hãy nâng cấp Cổng rồi khôi phục lại\.$/, () => restoreBackup({ file: newer, dataDir: t.dataDir, target: t.target }));
      await untouched(db, t);
    } finally {
      await t.schema?.drop();
    }
  });

  test('a missing backup file, an existing backup file and a wrong command line get clear messages', async () => {
    const { db, file } = get();
    const t = await emptyTarget(db);
    try {
      await refused('file_missing', /^Không tìm thấy tệp sao lưu .*khong-co\.tar\.gz\.$/, () => restoreBackup({ file: join(work, 'khong-co.tar.gz'), dataDir: t.dataDir, target: t.target }));
      await untouched(db, t);
      await refused('file_exists', /^Tệp .* đã có\. Chọn tên khác, hoặc thêm --force để ghi đè\.$/, () => createBackup({ file, dataDir: db.dataDir, source: sourceOf(db) }));
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      const usage = congSync(congEnv(t.dataDir, t.schema?.schema), 'restore');
      assert.equal(usage.status, 1);
      assert.match(usage.stderr, /^Cần đúng một tên tệp\. Cách dùng: cong restore <tệp\.tar\.gz> \[--force\]/);
      assert.equal(createHash('sha256').update(readFileSync(file)).digest('hex'), hash, 'the existing backup is kept');
      await untouched(db, t);
    } finally {
      await t.schema?.drop();
    }
  });
});

async function snapshotOf(db: TestDb, t: Awaited<ReturnType<typeof emptyTarget>>) {
  const h = openRestored(db.dialect, t.dataDir, t.schema?.schema);
  try {
    return { tables: plain(await readTables(h)), media: Object.fromEntries(await readMedia(t.dataDir)) };
  } finally {
    await h.close();
  }
}
