import { formatNumber } from '../../kernel/lib/format.js';
import type { ImportProgress, ImportSummary } from '../../features/imports/run-import.js';

/**
 * "Đã xử lý 1.200/5.000 mục · 350 mục/giây · còn khoảng 11 giây" on stderr, at most four times a
 * second (redrawn in place on a terminal), and always the last one.
 */
export function progressOnStderr(): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    const final = p.done === p.total;
    if (!final && now - last < 250) return;
    last = now;
    const left = p.secondsLeft === null ? '' : ` · còn khoảng ${formatNumber(Math.ceil(p.secondsLeft))} giây`;
    const line = `Đã xử lý ${formatNumber(p.done)}/${formatNumber(p.total)} mục · ${formatNumber(Math.round(p.perSecond))} mục/giây${final ? '' : left}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${final ? '\n' : ''}` : `${line}\n`);
  };
}

const KINDS: Record<string, string> = {
  category: 'chuyên mục', file: 'tệp', article: 'bài viết', page: 'trang', document: 'văn bản', comment: 'bình luận',
  redirect: 'địa chỉ chuyển hướng', counter: 'bộ đếm lượt truy cập',
};
const kindName = (k: string) => KINDS[k] ?? k;

/** The summary in Vietnamese, one line per kind, then the skipped items with their reasons. */
export function summaryText(s: ImportSummary, dryRun: boolean): string {
  const kinds = [...new Set([...Object.keys(s.imported), ...Object.keys(s.updated)])];
  const out = [dryRun ? 'Chạy thử (--dry-run): chưa ghi gì vào cơ sở dữ liệu. Nếu chạy thật:' : 'Đã nhập xong.'];
  for (const k of kinds) out.push(`  ${kindName(k)}: ${formatNumber(s.imported[k] ?? 0)} mới, ${formatNumber(s.updated[k] ?? 0)} cập nhật`);
  if (!kinds.length) out.push('  Không có mục nào được nhập.');
  if (s.skipped.length) {
    out.push(`Bỏ qua ${formatNumber(s.skipped.length)} mục:`);
    for (const x of s.skipped) out.push(`  ${kindName(x.kind)} “${x.id}”: ${x.reason}`);
  }
  return `${out.join('\n')}\n`;
}
