import { resolve } from 'node:path';
import { BackupRefusal } from '../../kernel/backup/refusal.js';
import { restoreBackup } from '../../kernel/backup/restore.js';
import { formatDateTime, formatNumber } from '../../kernel/lib/format.js';
import type { CliCommand } from '../command.js';
import { parseFileArgs, seconds, sourceOf, withBucket } from './backup-args.js';

export const restore: CliCommand = {
  name: 'restore',
  usage: `restore <tệp.tar.gz> [--force]
              khôi phục một bản sao lưu vào thư mục dữ liệu / cơ sở dữ liệu trống
              (--force: ghi đè dữ liệu đang có; hãy dừng Cổng trước)`,
  async run(args, { config }) {
    const parsed = parseFileArgs(args, 'restore');
    if (typeof parsed === 'string') return fail(parsed);
    const started = Date.now();
    try {
      const m = await withBucket(config, (bucket) =>
        restoreBackup({
          file: resolve(parsed.file),
          dataDir: config.dataDir,
          target: sourceOf(config),
          force: parsed.force,
          bucket,
          log: (line) => process.stderr.write(`${line}\n`),
        }),
      );
      const rows = Object.values(m.rowCounts).reduce((a, b) => a + b, 0);
      console.log(
        `Đã khôi phục bản sao lưu lúc ${formatDateTime(m.createdAt)} (Cổng ${m.version}): ${formatNumber(m.sites.length)} trang thông tin, ` +
          `${formatNumber(rows)} dòng dữ liệu, ${formatNumber(Object.keys(m.files).length - 1)} tệp đa phương tiện, trong ${seconds(started)} giây.`,
      );
      return 0;
    } catch (err) {
      if (err instanceof BackupRefusal) return fail(err.message);
      // pg_dump, psql, the disk: their own words follow ours; the details go on stderr, not a stack.
      return fail(`Khôi phục không thành công: ${(err as Error).message}` + (config.databaseUrl ? '\nLược đồ có thể đã được tạo dở: chạy lại lệnh với --force.' : ''));
    }
  },
};

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}
