import { resolve } from 'node:path';
import { createBackup } from '../../kernel/backup/backup.js';
import { BackupRefusal } from '../../kernel/backup/refusal.js';
import { formatNumber } from '../../kernel/lib/format.js';
import type { CliCommand } from '../command.js';
import { parseFileArgs, seconds, sizeText, sourceOf, withBucket } from './backup-args.js';

export const backup: CliCommand = {
  name: 'backup',
  usage: `backup <tệp.tar.gz> [--force]
              sao lưu cơ sở dữ liệu và tệp đa phương tiện vào một tệp (khi Cổng đang chạy)`,
  async run(args, { config }) {
    const parsed = parseFileArgs(args, 'backup');
    if (typeof parsed === 'string') return fail(parsed);
    const started = Date.now();
    try {
      const r = await withBucket(config, (bucket) =>
        createBackup({
          file: resolve(parsed.file),
          dataDir: config.dataDir,
          source: sourceOf(config),
          force: parsed.force,
          bucket,
          log: (line) => process.stderr.write(`${line}\n`),
        }),
      );
      const rows = Object.values(r.manifest.rowCounts).reduce((a, b) => a + b, 0);
      const media = Object.keys(r.manifest.files).length - 1;
      console.log(`Đã sao lưu vào ${parsed.file}: ${formatNumber(rows)} dòng dữ liệu, ${formatNumber(media)} tệp đa phương tiện, ${sizeText(r.bytes)}, trong ${seconds(started)} giây.`);
      console.log(`Mã kiểm tra sha256 của tệp: ${r.sha256}`);
      if (r.vanished.length) console.log(`${formatNumber(r.vanished.length)} tệp bị xoá trong lúc sao lưu nên không có trong bản sao lưu.`);
      return 0;
    } catch (err) {
      if (err instanceof BackupRefusal) return fail(err.message);
      // pg_dump, psql, the disk: their own words follow ours; the details go on stderr, not a stack.
      return fail(`Sao lưu không thành công: ${(err as Error).message}`);
    }
  },
};

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}
