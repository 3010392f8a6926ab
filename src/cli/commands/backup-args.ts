import type { Config } from '../../config.js';
import type { BackupSource } from '../../kernel/backup/backup.js';
import { formatNumber } from '../../kernel/lib/format.js';
import type { MediaStorage } from '../../kernel/storage/media-storage.js';
import { openMediaStorage } from '../../kernel/storage/open.js';

/** `<file> [--force]`, shared by backup and restore; a Vietnamese message when malformed. */
export function parseFileArgs(args: string[], command: string): { file: string; force: boolean } | string {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) return `Tuỳ chọn không hợp lệ: ${unknown}. Cách dùng: cong ${command} <tệp.tar.gz> [--force]`;
  if (rest.length !== 1) return `Cần đúng một tên tệp. Cách dùng: cong ${command} <tệp.tar.gz> [--force]`;
  return { file: rest[0]!, force };
}

/** The configured database: SQLite in the data directory, or PostgreSQL (schema from its search_path). */
export function sourceOf(config: Config): BackupSource {
  return config.databaseUrl ? { dialect: 'postgres', databaseUrl: config.databaseUrl } : { dialect: 'sqlite' };
}

export function sizeText(bytes: number): string {
  return bytes >= 1 << 20 ? `${formatNumber(Math.round((bytes / (1 << 20)) * 10) / 10)} MB` : `${formatNumber(Math.ceil(bytes / 1024))} KB`;
}

export function seconds(since: number): string {
  return formatNumber(Math.round((Date.now() - since) / 100) / 10);
}

/** The media bucket when CONG_S3_* names one (backed up and restored through it), else undefined: the media directory. */
export async function withBucket<T>(config: Config, run: (bucket: MediaStorage | undefined) => Promise<T>): Promise<T> {
  if (config.media.kind !== 's3') return run(undefined);
  const bucket = await openMediaStorage(config.media);
  try {
    return await run(bucket);
  } finally {
    await bucket.close();
  }
}
