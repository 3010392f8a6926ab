import { migrateToLatest } from '../../kernel/db/migrate.js';
import { listSites } from '../../kernel/sites/repo.js';
import { reindexSite } from '../../features/search/indexer.js';
import { formatNumber } from '../../kernel/lib/format.js';
import type { CliCommand } from '../command.js';

export const reindex: CliCommand = {
  name: 'reindex',
  usage: `reindex [mã trang]
              lập lại chỉ mục tìm kiếm của một trang (hoặc mọi trang)`,
  async run(args, { database }) {
    await migrateToLatest(database);
    const code = args[0];
    const sites = (await listSites(database.db)).filter((s) => !code || s.code === code);
    if (!sites.length) {
      process.stderr.write(code ? `Không có trang thông tin mã ${code}. Xem danh sách: cong sites\n` : 'Chưa có trang thông tin nào.\n');
      return 1;
    }
    for (const s of sites) {
      const started = Date.now();
      const n = await reindexSite(database.db, s.id, progressOnStderr(s.code));
      console.log(`Đã lập chỉ mục ${formatNumber(n)} bài của ${s.code} trong ${formatNumber(Math.round((Date.now() - started) / 100) / 10)} giây.`);
    }
    return 0;
  },
};

/** "Đang lập chỉ mục honglinh: 1.200/43.000 bài (3%)", redrawn in place on a terminal, every 10% otherwise. */
function progressOnStderr(code: string) {
  let shown = -1;
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const line = `Đang lập chỉ mục ${code}: ${formatNumber(done)}/${formatNumber(total)} bài (${pct}%)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) !== shown || done === total) process.stderr.write(`${line}\n`);
    shown = Math.floor(pct / 10);
  };
}
