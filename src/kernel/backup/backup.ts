import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ArchiveWriter } from './archive.js';
import { congVersion, FORMAT, MANIFEST, type Manifest, type SnapshotFacts } from './manifest.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { listBucket, listMediaFiles, MEDIA_DIR, readFromBucket, readLocal } from './media.js';
import { snapshotPostgres, type PgTarget } from './postgres.js';
import { BackupRefusal } from './refusal.js';
import { snapshotSqlite, sqliteInUse, SQLITE_FILE } from './sqlite.js';

export type BackupSource = { dialect: 'sqlite' } | ({ dialect: 'postgres' } & PgTarget);

export interface BackupOptions {
  file: string;
  dataDir: string;
  source: BackupSource;
  /** Replace an existing file of that name. */
  force?: boolean;
  /** When the media are in a bucket (CONG_S3_*): they are read from it instead of <dataDir>/media. */
  bucket?: MediaStorage;
  log?: (line: string) => void;
}

export interface BackupResult {
  manifest: Manifest;
  bytes: number;
  sha256: string;
  /** Media files listed but deleted before they could be read (removed while the backup ran). */
  vanished: string[];
}

/**
 * One .tar.gz: the database as of one instant, then the media files, then manifest.json. The
 * database goes first so that every file its rows name already exists when the files are read
 * (a file is written before its row is committed, and never changed afterwards); files uploaded
 * after the snapshot are carried along harmlessly. The archive is written beside its final name
 * and renamed when complete, so a failed backup never leaves a file that looks whole.
 */
export async function createBackup(o: BackupOptions): Promise<BackupResult> {
  const log = o.log ?? (() => undefined);
  if (existsSync(o.file) && !o.force) {
    throw new BackupRefusal('file_exists', `Tệp ${o.file} đã có. Chọn tên khác, hoặc thêm --force để ghi đè.`);
  }
  if (!existsSync(dirname(o.file)) || !statSync(dirname(o.file)).isDirectory()) {
    throw new BackupRefusal('file_missing', `Không có thư mục ${dirname(o.file)} để ghi bản sao lưu.`);
  }
  if (o.source.dialect === 'sqlite' && !sqliteInUse(o.dataDir)) {
    throw new BackupRefusal('nothing_to_back_up', `Không có cơ sở dữ liệu ${join(o.dataDir, SQLITE_FILE)} để sao lưu.`);
  }
  const work = await mkdtemp(join(dirname(o.file), `.${basename(o.file)}-`));
  const partial = join(work, 'archive.tar.gz');
  let archive: ArchiveWriter | null = null;
  try {
    log('Đang chụp cơ sở dữ liệu…');
    const dbFile = join(work, o.source.dialect === 'sqlite' ? SQLITE_FILE : 'postgres.sql');
    const facts: SnapshotFacts & { schema?: string } =
      o.source.dialect === 'sqlite' ? await snapshotSqlite(o.dataDir, dbFile) : await snapshotPostgres(o.source, dbFile);
    const dbEntry = `database/${basename(dbFile)}`;
    archive = new ArchiveWriter(partial);
    await archive.addFile(dbEntry, dbFile, (await stat(dbFile)).size);
    await rm(dbFile);

    const media = o.bucket ? await listBucket(o.bucket) : await listMediaFiles(o.dataDir);
    log(`Đang chép ${media.length.toLocaleString('vi-VN')} tệp đa phương tiện${o.bucket ? ` từ ${o.bucket.description}` : ''}…`);
    const vanished: string[] = [];
    for (const path of media) {
      const file = o.bucket ? await readFromBucket(o.bucket, path) : await readLocal(join(o.dataDir, MEDIA_DIR, path));
      if (file) await archive.addBuffer(`${MEDIA_DIR}/${path}`, file.data, file.modified);
      else vanished.push(path);
    }

    const manifest: Manifest = {
      format: FORMAT,
      version: congVersion(),
      createdAt: new Date().toISOString(),
      dialect: o.source.dialect,
      ...(facts.schema ? { schema: facts.schema } : {}),
      database: dbEntry,
      migrations: facts.migrations,
      sites: facts.sites,
      rowCounts: facts.rowCounts,
      files: Object.fromEntries(archive.sums),
    };
    await archive.addBuffer(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    const sha256 = await archive.finish();
    archive = null;
    await rename(partial, o.file);
    return { manifest, bytes: (await stat(o.file)).size, sha256, vanished };
  } finally {
    if (archive) await archive.abort();
    await rm(work, { recursive: true, force: true });
  }
}
