import { fixSiteEncoding, type SiteEncodingReport } from '../../features/imports/fix-stored-encoding.js';
import { migrateToLatest } from '../../kernel/db/migrate.js';
import { purgeBusFor } from '../../kernel/http/purge-bus.js';
import { formatNumber } from '../../kernel/lib/format.js';
import { redisFor } from '../../kernel/redis.js';
import { listSites } from '../../kernel/sites/repo.js';
import type { CliCommand } from '../command.js';

export const fixEncoding: CliCommand = {
  name: 'fix-encoding',
  usage: `fix-encoding [--site <mã trang>] [--dry-run]
              chuyển chữ đã lưu ở bảng mã cũ (TCVN3, VNI) sang Unicode; --dry-run chỉ báo, không sửa`,
  async run(args, { config, database }) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      process.stderr.write(`${parsed}\nCách dùng: cong ${this.usage}\n`);
      return 1;
    }
    await migrateToLatest(database);
    const sites = (await listSites(database.db)).filter((s) => !parsed.site || s.code === parsed.site);
    if (!sites.length) {
      process.stderr.write(parsed.site ? `Không có trang thông tin mã ${parsed.site}. Xem danh sách: cong sites\n` : 'Chưa có trang thông tin nào.\n');
      return 1;
    }
    const changedSites: number[] = [];
    for (const site of sites) {
      const report = await fixSiteEncoding(database.db, site.id, { dryRun: parsed.dryRun, now: new Date(), progress: progressOnStderr(site.code) });
      print(site.code, report, parsed.dryRun);
      if (report.changed) changedSites.push(site.id);
    }
    if (!parsed.dryRun && changedSites.length) await purgePages(config, changedSites);
    return 0;
  },
};

function parseArgs(args: string[]): { site: string | null; dryRun: boolean } | string {
  let site: string | null = null;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') dryRun = true;
    else if (a === '--site') {
      site = args[++i] ?? '';
      if (!site || site.startsWith('--')) return 'Thiếu mã trang sau --site.';
    } else return `Tham số không hợp lệ: ${a}`;
  }
  return { site, dryRun };
}

function print(code: string, r: SiteEncodingReport, dryRun: boolean): void {
  const lines = [
    dryRun
      ? `${code}: sẽ sửa ${formatNumber(r.changed)} trong ${formatNumber(r.scanned)} mục (chạy thử, chưa ghi gì).`
      : `${code}: đã sửa ${formatNumber(r.changed)} trong ${formatNumber(r.scanned)} mục.`,
  ];
  for (const t of r.tables.filter((t) => t.rows)) {
    lines.push(`  ${t.label} (${t.table}): ${formatNumber(t.rows)}`);
    for (const e of t.examples) lines.push(`    trước: ${e.before}\n    sau:   ${e.after}`);
  }
  for (const s of r.skipped) lines.push(`  bỏ qua ${s.table} #${s.id}: ${s.reason}`);
  console.log(lines.join('\n'));
}

/** Running instances drop the site's cached pages (through Redis when there is one; otherwise the cache expires on its own). */
async function purgePages(config: Parameters<typeof redisFor>[0], siteIds: number[]): Promise<void> {
  const redis = redisFor(config);
  if (!redis) return;
  try {
    const bus = await purgeBusFor(redis);
    for (const siteId of siteIds) bus.publish({ op: 'site', siteId });
    await bus.close();
  } finally {
    await redis.close();
  }
}

/** "Đang kiểm tra honglinh: 1.200/43.000 mục (3%)", redrawn in place on a terminal, every 10% otherwise. */
function progressOnStderr(code: string) {
  let shown = -1;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const line = `Đang kiểm tra ${code}: ${formatNumber(done)}/${formatNumber(total)} mục (${pct}%)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) !== shown || done === total) process.stderr.write(`${line}\n`);
    shown = Math.floor(pct / 10);
  };
}
