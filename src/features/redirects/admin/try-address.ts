import type { FastifyRequest } from 'fastify';
import { cleanLine } from '../../../kernel/lib/text.js';

export type TryResult =
  | { kind: 'invalid'; message: string }
  | { kind: 'redirect'; asked: string; status: number; location: string }
  | { kind: 'page'; asked: string }
  | { kind: 'none'; asked: string }
  | { kind: 'foreign'; host: string }
  | { kind: 'other'; asked: string; status: number };

/**
 * What the public side answers to an address typed in the back office: the request is made to
 * the application itself (in process, nothing leaves the machine) with the typed URL's host, or
 * the site's own host for a path, so the answer is exactly the one a reader gets.
 */
export async function tryAddress(request: FastifyRequest, typed: string): Promise<TryResult> {
  const raw = cleanLine(typed);
  if (!raw) return { kind: 'invalid', message: 'Vui lòng nhập địa chỉ cần thử.' };
  let url: URL;
  let host: string;
  try {
    if (/^https?:\/\//i.test(raw)) {
      url = new URL(raw);
      host = url.host;
    } else if (raw.startsWith('/') && !raw.startsWith('//')) {
      url = new URL(raw, 'http://x');
      host = request.site.primaryHost ?? request.headers.host ?? '';
    } else {
      return { kind: 'invalid', message: 'Địa chỉ cần thử phải bắt đầu bằng "/" hoặc http:// hoặc https://.' };
    }
  } catch {
    return { kind: 'invalid', message: 'Địa chỉ cần thử không hợp lệ, ví dụ https://honglinh.hatinh.gov.vn/?p=12.' };
  }
  const res = await request.server.inject({ method: 'GET', url: url.pathname + url.search, headers: { host, accept: 'text/html' }, remoteAddress: request.ip });
  if (res.statusCode === 421) return { kind: 'foreign', host: url.hostname };
  if (res.statusCode >= 300 && res.statusCode < 400 && typeof res.headers.location === 'string') return { kind: 'redirect', asked: raw, status: res.statusCode, location: res.headers.location };
  if (res.statusCode === 200) return { kind: 'page', asked: raw };
  if (res.statusCode === 404) return { kind: 'none', asked: raw };
  return { kind: 'other', asked: raw, status: res.statusCode };
}
