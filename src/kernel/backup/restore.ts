import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '../db/connection.js';
import { migrateTo, migrationNames } from '../db/migrate.js';
import { extractArchive } from './archive.js';
import { checksumProblems, MANIFEST, parseManifest, type Manifest } from './manifest.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { listMediaFiles, MEDIA_DIR, putIntoBucket } from './media.js';
import { currentSchema, loadPostgresDump, pgClient, pgFacts, pgTargetState, PLAIN_SCHEMA, type PgTarget } from './postgres.js';
import { BackupRefusal } from './refusal.js';
import { checkSqliteFile, sqliteInUse, SQLITE_FILE } from './sqlite.js';

export type RestoreTarget = { dialect: 'sqlite' } | ({ dialect: 'postgres' } & PgTarget);

export interface RestoreOptions {
  file: string;
  dataDir: string;
  target: RestoreTarget;
  /** Replace what the target holds. */
  force?: boolean;
  log?: (line: string) => void;
  /**
   * When the media are in a bucket (CONG_S3_*): the files go into it under their keys. With
   * --force the objects already there stay (keys are never reused, so none is overwritten wrongly).
   */
  bucket?: MediaStorage;
}

/**
 * Puts a backup back. Nothing of the target is touched until the whole archive has been
 * unpacked beside it and every file matches the manifest's checksum. SQLite: the database file is
 * renamed into place (atomic). PostgreSQL: the schema is built by our migrations up to the
 * backup's, then the rows are loaded in one transaction.
 */
export async function restoreBackup(o: RestoreOptions): Promise<Manifest> {
  const log = o.log ?? (() => undefined);
  if (!existsSync(o.file)) throw new BackupRefusal('file_missing', `Không tìm thấy tệp sao lưu ${o.file}.`);
  const schema = o.target.dialect === 'postgres' ? await checkPostgresTarget(o.target, !!o.force) : null;
  if (o.target.dialect === 'sqlite' && !o.force && sqliteInUse(o.dataDir)) {
    throw notEmpty(`Thư mục dữ liệu ${o.dataDir} đã có cơ sở dữ liệu (${SQLITE_FILE}).`);
  }
  if (!o.force && o.bucket && (await o.bucket.list('')[Symbol.asyncIterator]().next()).done === false) {
    throw notEmpty(`${o.bucket.description} đã có tệp.`);
  }
  if (!o.force && !o.bucket && (await listMediaFiles(o.dataDir)).length) throw notEmpty(`Thư mục ${join(o.dataDir, MEDIA_DIR)} đã có tệp.`);
  const placeMedia = async (media: string, staging: string) => {
    if (!o.bucket) return swapMedia(o.dataDir, media, staging);
    log(`Đang đưa tệp đa phương tiện vào ${o.bucket.description}…`);
    await putIntoBucket(o.bucket, staging);
  };

  await mkdir(o.dataDir, { recursive: true });
  const staging = await mkdtemp(join(o.dataDir, '.khoi-phuc-'));
  try {
    log('Đang giải nén và kiểm tra mã kiểm tra (sha256)…');
    const manifest = await unpack(o.file, staging);
    if (manifest.dialect !== o.target.dialect) {
      const name = (d: string) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL');
      throw new BackupRefusal('wrong_dialect', `Bản sao lưu là của ${name(manifest.dialect)}, nơi khôi phục dùng ${name(o.target.dialect)}: không khôi phục chéo được.`);
    }
    const unknown = manifest.migrations.filter((m) => !migrationNames.includes(m));
    if (unknown.length || !manifest.migrations.length) {
      throw new BackupRefusal('newer_schema', `Bản sao lưu do phiên bản Cổng mới hơn tạo (${manifest.version}; cấu trúc dữ liệu ${unknown.join(', ') || 'không rõ'}). Hãy nâng cấp Cổng rồi khôi phục lại.`);
    }
    const media = join(staging, MEDIA_DIR);
    if (o.target.dialect === 'sqlite') {
      const staged = join(staging, manifest.database);
      const check = checkSqliteFile(staged);
      if (!check.ok || !sameCounts(check.facts!.rowCounts, manifest.rowCounts)) {
        throw new BackupRefusal('restore_check_failed', `Tệp cơ sở dữ liệu trong bản sao lưu không khớp bảng kê (${check.detail}).`);
      }
      await placeMedia(media, staging);
      // A -wal or -shm left by the database being replaced would be replayed onto the restored one.
      for (const ext of ['-wal', '-shm', '-journal']) await rm(join(o.dataDir, SQLITE_FILE + ext), { force: true });
      await rename(staged, join(o.dataDir, SQLITE_FILE));
    } else {
      const target = o.target as PgTarget;
      log('Đang dựng cấu trúc và nạp dữ liệu PostgreSQL…');
      await restorePostgres(target, schema!, o.dataDir, join(staging, manifest.database), manifest, !!o.force);
      await placeMedia(media, staging);
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function unpack(file: string, staging: string): Promise<Manifest> {
  let sums;
  try {
    sums = await extractArchive(file, join(staging, 'x'));
  } catch (err) {
    throw new BackupRefusal('not_an_archive', `Tệp ${file} không phải bản sao lưu của Cổng hoặc đã hỏng (${(err as Error).message}).`);
  }
  const manifest = sums.has(MANIFEST) ? parseManifest(readFileSync(join(staging, 'x', MANIFEST), 'utf8')) : null;
  if (!manifest) throw new BackupRefusal('not_an_archive', `Tệp ${file} không có bảng kê ${MANIFEST} hợp lệ: không phải bản sao lưu của Cổng.`);
  const problems = checksumProblems(manifest, sums);
  if (problems.length) {
    const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; và ${problems.length - 5} lỗi khác` : '');
    throw new BackupRefusal('checksum_mismatch', `Bản sao lưu đã bị hỏng hoặc bị sửa: ${shown}. Không khôi phục gì.`);
  }
  // Move the checked content up so that database/ and media/ sit directly in the staging folder.
  for (const name of readdirSync(join(staging, 'x'))) await rename(join(staging, 'x', name), join(staging, name));
  return manifest;
}

/** The restored media folder takes the place of the old one (empty, or replaced with --force). */
async function swapMedia(dataDir: string, staged: string, staging: string): Promise<void> {
  const live = join(dataDir, MEDIA_DIR);
  if (existsSync(live)) await rename(live, join(staging, 'media-cu'));
  if (existsSync(staged)) await rename(staged, live);
}

async function checkPostgresTarget(t: PgTarget, force: boolean): Promise<string> {
  const client = pgClient(t);
  await client.connect();
  try {
    const schema = t.schema ?? (await currentSchema(client));
    if (!PLAIN_SCHEMA.test(schema)) throw new BackupRefusal('no_schema', `Tên lược đồ PostgreSQL "${schema}" chưa được hỗ trợ: chỉ chữ thường không dấu, chữ số và dấu gạch dưới.`);
    const state = await pgTargetState(client, schema);
    if (!force && (state.rows > 0 || state.migrations.length > 0)) {
      throw notEmpty(`Lược đồ PostgreSQL "${schema}" đã có ${state.rows > 0 ? `${state.rows.toLocaleString('vi-VN')} dòng dữ liệu` : 'cấu trúc dữ liệu'}.`);
    }
    return schema;
  } finally {
    await client.end();
  }
}

async function restorePostgres(t: PgTarget, schema: string, dataDir: string, dump: string, m: Manifest, force: boolean): Promise<void> {
  const client = pgClient({ databaseUrl: t.databaseUrl });
  await client.connect();
  try {
    if (force) await client.query(`drop schema if exists "${schema}" cascade`);
    await client.query(`create schema if not exists "${schema}"`);
  } finally {
    await client.end();
  }
  const handle = connect({ databaseUrl: t.databaseUrl, dataDir, pgSchema: schema });
  try {
    await migrateTo(handle, m.migrations.at(-1)!);
  } finally {
    await handle.close();
  }
  const check = pgClient({ databaseUrl: t.databaseUrl, schema });
  await check.connect();
  try {
    const tables = Object.keys((await pgFacts(check, schema)).rowCounts);
    await loadPostgresDump(t.databaseUrl, dump, m.schema ?? 'public', schema, tables);
    const after = await pgFacts(check, schema);
    if (!sameCounts(after.rowCounts, m.rowCounts)) {
      throw new BackupRefusal('restore_check_failed', `Số dòng sau khi nạp không khớp bảng kê của bản sao lưu.`);
    }
  } finally {
    await check.end();
  }
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

function notEmpty(what: string): BackupRefusal {
  return new BackupRefusal('target_not_empty', `${what} Khôi phục sẽ ghi đè dữ liệu này: thêm --force nếu thật sự muốn thế (hãy dừng Cổng trước).`);
}
