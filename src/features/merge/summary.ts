import { formatNumber } from '../../kernel/lib/format.js';
import { KIND_LABELS, MERGE_KINDS } from './kinds.js';
import { totalMoved, type MergePlan } from './plan.js';

/** One old site's plan (or result) as the lines an operator reads, in Vietnamese. */
export function describePlan(p: MergePlan, done: boolean): string[] {
  const verb = done ? 'Đã chuyển' : 'Sẽ chuyển';
  const lines = [`${p.old.name} (${p.old.code}) → ${p.target.name} (${p.target.code}): ${verb.toLowerCase()} ${formatNumber(totalMoved(p))} mục.`];
  for (const kind of MERGE_KINDS) if (p.moved[kind]) lines.push(`  ${KIND_LABELS[kind]}: ${formatNumber(p.moved[kind])}`);
  if (p.categories.parent) lines.push(`  Chuyên mục cũ nằm dưới chuyên mục mới “${p.categories.parent.name}” (/chuyen-muc/${p.categories.parent.slug}).`);
  for (const r of p.renamed) lines.push(`  Trùng tên — ${KIND_LABELS[r.kind]}: “${r.from}” đổi thành “${r.to}”.`);
  for (const m of p.mapped) lines.push(`  Gộp vào mục sẵn có — ${KIND_LABELS[m.kind]}: “${m.from}” → “${m.to}” (mục cũ ở lại trang lưu trữ).`);
  lines.push(`  Địa chỉ cũ ${done ? 'đã tạo' : 'sẽ tạo'}: ${formatNumber(p.addresses.length)}; địa chỉ cũ ${done ? 'đã chuyển hướng lại' : 'sẽ chuyển hướng lại'}: ${formatNumber(p.repointed)}.`);
  lines.push(p.visits ? `  Lượt truy cập cộng vào trang nhận: ${formatNumber(p.visits)}.` : '  Lượt truy cập: đã cộng ở lần hợp nhất trước, không cộng lại.');
  return lines;
}

/** "Đã chuyển 1.200/43.000 mục (3%), 250 mục/giây, còn khoảng 2 phút". */
export function describeProgress(done: number, total: number, perSecond: number, secondsLeft: number | null): string {
  const pct = total ? Math.floor((done / total) * 100) : 100;
  const left = secondsLeft === null ? '' : secondsLeft < 60 ? `, còn khoảng ${formatNumber(Math.ceil(secondsLeft))} giây` : `, còn khoảng ${formatNumber(Math.ceil(secondsLeft / 60))} phút`;
  return `Đã chuyển ${formatNumber(done)}/${formatNumber(total)} mục (${pct}%), ${formatNumber(Math.round(perSecond))} mục/giây${left}`;
}
