import { domainToASCII } from 'node:url';

/** Checks for the sites screen: site codes and hostnames. */
export const CODE_RE = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;
export const CODE_MESSAGE = 'Mã trang gồm 2–40 chữ thường không dấu, chữ số hoặc gạch ngang, bắt đầu bằng chữ cái, ví dụ "namhonglinh".';
const LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOSTS = 20;

/**
 * Hostnames typed one per line: trimmed, lowercased, a trailing dot dropped, Vietnamese
 * (IDN) names turned into their xn-- form. Duplicates count once.
 */
export function parseHostnames(raw: string): { hosts: string[]; error?: string } {
  const hosts: string[] = [];
  for (const line of raw.split(/[\r\n,]+/)) {
    const typed = line.trim();
    if (!typed) continue;
    if (/[/:@\s]/.test(typed)) return { hosts, error: `“${typed}” không phải tên miền: chỉ nhập tên miền, không kèm http://, cổng hay dấu /.` };
    const host = domainToASCII(typed.toLowerCase().replace(/\.$/, ''));
    const labels = host.split('.');
    if (!host || host.length > 253 || labels.length < 2 || !labels.every((l) => LABEL_RE.test(l)) || /^\d+$/.test(labels[labels.length - 1]!)) {
      return { hosts, error: `Tên miền “${typed}” không hợp lệ, ví dụ phuongmoi.hatinh.gov.vn.` };
    }
    if (!hosts.includes(host)) hosts.push(host);
  }
  if (!hosts.length) return { hosts, error: 'Vui lòng nhập ít nhất một tên miền.' };
  if (hosts.length > MAX_HOSTS) return { hosts, error: `Mỗi trang có tối đa ${MAX_HOSTS} tên miền.` };
  return { hosts };
}

const EMC_EXAMPLE = 'ví dụ https://emc.example.gov.vn/tracking.js (địa chỉ do hệ thống EMC cung cấp)';

/**
 * The EMC tracking script's address as typed: empty means none; otherwise an https URL (it runs
 * on every public page, so nothing else is allowed into the CSP), without a user name or password.
 */
export function parseEmcScriptUrl(raw: string): { value: string | null; error?: string } {
  const typed = raw.trim().normalize('NFC');
  if (!typed) return { value: null };
  if (typed.length > 500) return { value: null, error: 'Địa chỉ mã theo dõi EMC dài tối đa 500 ký tự.' };
  let u: URL;
  try {
    u = new URL(typed);
  } catch {
    return { value: null, error: `Địa chỉ mã theo dõi EMC không hợp lệ, ${EMC_EXAMPLE}.` };
  }
  if (u.protocol !== 'https:') return { value: null, error: `Địa chỉ mã theo dõi EMC phải bắt đầu bằng https://, ${EMC_EXAMPLE}.` };
  if (u.username || u.password || !u.hostname.includes('.') || /\s/.test(typed)) return { value: null, error: `Địa chỉ mã theo dõi EMC không hợp lệ, ${EMC_EXAMPLE}.` };
  return { value: u.href };
}
