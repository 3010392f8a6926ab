import { existsSync, statSync } from 'node:fs';
import { ImportError, runImport } from '../../features/imports/run-import.js';
import { migrateToLatest } from '../../kernel/db/migrate.js';
import { RedisPurgeBus } from '../../kernel/http/purge-bus.js';
import { connectRedis } from '../../kernel/redis.js';
import { listSites } from '../../kernel/sites/repo.js';
import { openMediaStorage } from '../../kernel/storage/open.js';
import type { CliCommand, CliContext } from '../command.js';
import { importFeed } from './import-feed.js';
import { importJsonl } from './import-jsonl.js';
import { importWordpress } from './import-wordpress.js';
import { progressOnStderr, summaryText } from './import-progress.js';
import type { ImportSource } from './import-source.js';

/** The kinds of old portal `cong import` reads; one line each (the WordPress importer adds its own). */
const SOURCES: readonly ImportSource[] = [importJsonl, importWordpress, importFeed];

const USAGE = `Cách dùng:\n${SOURCES.map((s) => `  cong ${s.usage}\n`).join('')}`;

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

/** `--site x --files d --dry-run file`: the options given and the one file named. */
function parseArgs(args: string[], filesOption: string): { file?: string; site?: string; filesDir?: string; dryRun: boolean; error?: string } {
  const out: { file?: string; site?: string; filesDir?: string; dryRun: boolean; error?: string } = { dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--site' || a === filesOption) {
      const v = args[++i];
      if (!v || v.startsWith('--')) return { ...out, error: `Thiếu giá trị sau ${a}.` };
      if (a === '--site') out.site = v;
      else out.filesDir = v;
    } else if (a.startsWith('--')) return { ...out, error: `Tuỳ chọn không hợp lệ: ${a}` };
    else if (out.file) return { ...out, error: `Chỉ nhập một tệp mỗi lần (thừa: ${a}).` };
    else out.file = a;
  }
  return out;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: `${SOURCES.map((s) => s.usage).join('\n              ')}
              nhập bài viết, trang, văn bản, bình luận… từ cổng cũ vào một trang`,
  async run(args, ctx) {
    const source = SOURCES.find((s) => s.name === args[0]);
    if (!source) return fail(`${args[0] ? `Không có kiểu nhập “${args[0]}”.` : 'Thiếu kiểu nhập.'}\n${USAGE}`);
    const opts = parseArgs(args.slice(1), source.filesOption);
    if (opts.error) return fail(`${opts.error}\nCách dùng: cong ${source.usage}`);
    if (!opts.file) return fail(`Thiếu tệp cần nhập.\nCách dùng: cong ${source.usage}`);
    if (!opts.site) return fail(`Thiếu --site <mã trang>: trang nhận nội dung.\nCách dùng: cong ${source.usage}`);
    if (!existsSync(opts.file) || !statSync(opts.file).isFile()) return fail(`Không tìm thấy tệp ${opts.file}.`);
    if (opts.filesDir !== undefined && (!existsSync(opts.filesDir) || !statSync(opts.filesDir).isDirectory())) {
      return fail(`Không tìm thấy thư mục ${opts.filesDir} (${source.filesOption}).`);
    }
    return runCli(ctx, source, { ...opts, file: opts.file, site: opts.site });
  },
};

async function runCli(ctx: CliContext, source: ImportSource, opts: { file: string; site: string; filesDir?: string; dryRun: boolean }): Promise<number> {
  const { config, database } = ctx;
  await migrateToLatest(database);
  const site = (await listSites(database.db)).find((s) => s.code === opts.site);
  if (!site) return fail(`Không có trang thông tin mã ${opts.site}. Xem danh sách: cong sites`);
  const media = await openMediaStorage(config.media);
  const redis = config.redisUrl && !opts.dryRun ? connectRedis(config.redisUrl, config.redisPrefix) : null;
  try {
    // The running instances drop the site's cached pages after the commit (without Redis, a
    // single instance's cached pages expire by themselves within CONG_PAGE_CACHE_SECONDS).
    const bus = redis ? await RedisPurgeBus.connect(redis) : null;
    const cache = bus ? { purgeSite: (siteId: number) => bus.publish({ op: 'site', siteId }) } : undefined;
    const records = await source.records(opts.file, { filesDir: opts.filesDir, site });
    const summary = await runImport(database.db, site, records, { filesDir: opts.filesDir, media, now: new Date(), dryRun: opts.dryRun, progress: progressOnStderr(), cache });
    process.stdout.write(summaryText({ ...summary, skipped: [...(records.notes ?? []), ...summary.skipped] }, opts.dryRun));
    return 0;
  } catch (err) {
    if (err instanceof ImportError) return fail(`Không nhập được: ${err.message}\nChưa có gì được ghi vào trang ${site.code}.`);
    throw err;
  } finally {
    await media.close();
    await redis?.close();
  }
}
