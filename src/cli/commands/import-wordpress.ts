import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { migrateToLatest } from '../../kernel/db/migrate.js';
import { formatNumber } from '../../kernel/lib/format.js';
import { listSites } from '../../kernel/sites/repo.js';
import { openMediaStorage } from '../../kernel/storage/open.js';
import type { ImportProgress, ImportSummary, RunImport } from '../../features/imports/wordpress/core-contract.js';
import { WordPressExportError } from '../../features/imports/wordpress/errors.js';
import { readWordPressExport } from '../../features/imports/wordpress/read-export.js';
import type { CliCommand } from '../command.js';

const USAGE = 'cong import wordpress <export.xml> --site <mã trang> [--uploads <thư mục>] [--dry-run] [--timezone <múi giờ>]';

/**
 * `cong import wordpress`: the sub-command of `cong import` that reads the WXR file WordPress's
 * Tools → Export writes and hands its records to the import core (given here, so the command
 * map builds it once: `wordpress: importWordpress(runImport)`). Everything is checked — options,
 * site, folder, the whole export — before the core runs; the core writes all or nothing.
 */
export function importWordpress(runImport: RunImport, io: Output = { out: process.stdout, err: process.stderr }): CliCommand {
  const fail = (message: string) => {
    io.err.write(`${message}\n`);
    return 1;
  };
  return {
    name: 'wordpress',
    usage: `${USAGE.replace('cong ', '')}
              nhập bài, trang, chuyên mục, ảnh và bình luận từ tệp xuất của WordPress (Công cụ → Xuất)`,
    async run(args, { config, database }) {
      const parsed = parseArgs(args);
      if ('error' in parsed) return fail(`${parsed.error}\nCách dùng: ${USAGE}`);
      const { file, code, uploads, dryRun, timezone } = parsed;
      if (uploads && !(await stat(uploads).then((s) => s.isDirectory(), () => false))) return fail(`Không thấy thư mục uploads: ${uploads}`);

      let conversion;
      try {
        conversion = await readWordPressExport(file, timezone ? { timezone } : {});
      } catch (e) {
        if (e instanceof WordPressExportError) return fail(e.message);
        throw e;
      }
      await migrateToLatest(database);
      const site = (await listSites(database.db)).find((s) => s.code === code);
      if (!site) return fail(`Không có trang thông tin mã ${code}. Xem danh sách: cong sites`);
      const files = conversion.records.filter((r) => r.record.type === 'file').length;
      if (!uploads && files) io.err.write(`Chú ý: không có --uploads, nên ${formatNumber(files)} tệp ảnh của WordPress không được nhập (bài vẫn trỏ tới địa chỉ ảnh cũ).\n`);

      const media = await openMediaStorage(config.media);
      let summary: ImportSummary;
      try {
        summary = await runImport(database.db, site, conversion.records, {
          ...(uploads ? { filesDir: uploads } : {}),
          media,
          now: new Date(),
          dryRun,
          progress: progressOn(io.err),
        });
      } catch (e) {
        if (e instanceof Error && 'line' in e) return fail(`${e.message}\nChưa có gì được nhập.`);
        throw e;
      } finally {
        await media.close();
      }
      io.out.write(summaryText(conversion.host, site.code, dryRun, summary, conversion.notes));
      return 0;
    },
  };
}

/** Where the command writes (the process's streams; a test's collector). */
export interface Output {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown; isTTY?: boolean };
}

type Parsed = { file: string; code: string; uploads?: string; dryRun: boolean; timezone?: string } | { error: string };

export function parseArgs(args: string[]): Parsed {
  let file: string | undefined;
  let code: string | undefined;
  let uploads: string | undefined;
  let timezone: string | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => (args[i + 1] && !args[i + 1]!.startsWith('--') ? args[++i]! : undefined);
    if (a === '--dry-run') dryRun = true;
    else if (a === '--site') code = value() ?? '';
    else if (a === '--uploads') uploads = value() ?? '';
    else if (a === '--timezone') timezone = value() ?? '';
    else if (a.startsWith('--')) return { error: `Tùy chọn không hợp lệ: ${a}` };
    else if (file === undefined) file = a;
    else return { error: `Thừa tham số: ${a} (chỉ nhập một tệp mỗi lần)` };
  }
  if (!file) return { error: 'Thiếu đường dẫn tệp xuất WordPress (.xml).' };
  if (!code) return { error: 'Thiếu --site <mã trang>: trang thông tin nhận nội dung.' };
  if (uploads === '') return { error: 'Thiếu thư mục sau --uploads (thư mục wp-content/uploads chép từ máy chủ cũ).' };
  if (timezone !== undefined && !validZone(timezone)) return { error: `Múi giờ không hợp lệ: "${timezone}" (ví dụ: Asia/Ho_Chi_Minh).` };
  return { file: resolve(file), code, dryRun, ...(uploads ? { uploads: resolve(uploads) } : {}), ...(timezone ? { timezone } : {}) };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}

const KINDS: Record<string, string> = { category: 'chuyên mục', file: 'tệp', article: 'bài viết', page: 'trang', comment: 'bình luận', redirect: 'địa chỉ chuyển hướng', document: 'văn bản', counter: 'bộ đếm' };

/** "Đã nhập từ WordPress …", one line per kind (new, updated), then every item left out and why. */
export function summaryText(host: string, code: string, dryRun: boolean, s: ImportSummary, notes: ImportSummary['skipped']): string {
  const kinds = [...new Set([...Object.keys(s.imported), ...Object.keys(s.updated)])].filter((k) => k !== 'source');
  const lines = [dryRun ? `Chạy thử (--dry-run), chưa ghi gì: nhập từ WordPress ${host} vào trang ${code} sẽ là` : `Đã nhập từ WordPress ${host} vào trang ${code}:`];
  for (const k of kinds) lines.push(`  ${KINDS[k] ?? k}: ${formatNumber(s.imported[k] ?? 0)} mới, ${formatNumber(s.updated[k] ?? 0)} cập nhật`);
  const skipped = [...notes, ...s.skipped];
  if (skipped.length) {
    lines.push(`Bỏ qua hoặc thay đổi (${formatNumber(skipped.length)}):`);
    for (const n of skipped) lines.push(`  - ${KINDS[n.kind] ?? n.kind} ${n.id}: ${n.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** "Đang nhập: 120/450 mục (26%), 35 mục/giây, còn khoảng 10 giây", in place on a terminal, every 10% otherwise. */
function progressOn(err: Output['err']) {
  let shown = -1;
  return (p: ImportProgress) => {
    const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    const left = p.secondsLeft === null ? '' : `, còn khoảng ${formatNumber(Math.ceil(p.secondsLeft))} giây`;
    const line = `Đang nhập: ${formatNumber(p.done)}/${formatNumber(p.total)} mục (${pct}%), ${formatNumber(Math.round(p.perSecond))} mục/giây${left}`;
    if (err.isTTY) err.write(`\r${line}${p.done === p.total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) !== shown || p.done === p.total) err.write(`${line}\n`);
    shown = Math.floor(pct / 10);
  };
}
