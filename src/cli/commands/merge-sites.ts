import { migrateToLatest } from '../../kernel/db/migrate.js';
import { openMediaStorage } from '../../kernel/storage/open.js';
import { mergeSites, type MergeRequest } from '../../features/merge/commands/merge-sites.js';
import { describePlan, describeProgress } from '../../features/merge/summary.js';
import type { CliCommand } from '../command.js';

/** `--into <code> <old>... [--dry-run] [--categories subtree|by-name]`; null with the reason when malformed. */
export function parseMergeArgs(args: string[]): MergeRequest | string {
  const r: MergeRequest = { into: '', olds: [], mode: 'subtree', dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') r.dryRun = true;
    else if (a === '--into' || a === '--categories') {
      const v = args[++i];
      if (!v || v.startsWith('--')) return `Thiếu giá trị sau ${a}.`;
      if (a === '--into') r.into = v;
      else r.mode = v as MergeRequest['mode'];
    } else if (a.startsWith('--')) return `Tuỳ chọn không hợp lệ: ${a}.`;
    else r.olds.push(a);
  }
  return r;
}

export const mergeSitesCommand: CliCommand = {
  name: 'merge-sites',
  usage: `merge-sites --into <mã trang> <mã trang cũ>... [--dry-run] [--categories subtree|by-name]
              hợp nhất các trang cũ vào một trang (sau sắp xếp đơn vị hành chính 2025); trang cũ thành trang lưu trữ`,
  async run(args, { config, database }) {
    const parsed = parseMergeArgs(args);
    if (typeof parsed === 'string') {
      process.stderr.write(`${parsed}\nCách dùng: cong ${this.usage}\n`);
      return 1;
    }
    await migrateToLatest(database);
    const media = await openMediaStorage(config.media);
    let shown = -1;
    const result = await mergeSites(
      {
        db: database.db,
        media,
        now: new Date(),
        actorId: null,
        progress: (p) => {
          const tenth = p.total ? Math.floor((p.done / p.total) * 10) : 10;
          if (tenth === shown && p.done !== p.total) return;
          shown = tenth;
          process.stderr.write(`${describeProgress(p.done, p.total, p.perSecond, p.secondsLeft)}\n`);
        },
      },
      parsed,
    ).finally(() => media.close());
    if (!result.ok) {
      if ('merged' in result) for (const s of result.merged) console.log(describePlan(s.plan, true).join('\n'));
      for (const e of result.errors) process.stderr.write(`${e}\n`);
      if ('failed' in result) process.stderr.write('Các trang đã hợp nhất trước đó vẫn hoàn chỉnh; chạy lại đúng lệnh này để tiếp tục với phần còn lại.\n');
      return 1;
    }
    if (result.dryRun) console.log('Chạy thử (--dry-run): chưa thay đổi gì.');
    for (const s of result.sites) {
      if (s.noop) console.log(`${s.plan.old.code} đã được hợp nhất vào ${s.plan.target.code} trước đó; không còn gì để chuyển.`);
      else console.log(describePlan(s.plan, !result.dryRun).join('\n'));
    }
    if (!result.dryRun) console.log(`Xong: ${result.sites.filter((s) => !s.noop).length} trang đã hợp nhất vào ${parsed.into} và trở thành trang lưu trữ. Trang công khai đang chạy được làm mới trong vòng thời gian lưu đệm.`);
    return 0;
  },
};
