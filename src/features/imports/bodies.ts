import { sanitizeArticleHtml } from '../../kernel/lib/html.js';
import { oldAddressKey } from '../../kernel/sites/old-addresses.js';

/** The new address of each imported file, by the key of each of its old addresses. */
export class FileAddresses {
  private readonly byKey = new Map<string, string>();

  add(oldUrls: string[], url: string): void {
    for (const u of oldUrls) this.byKey.set(oldAddressKey(u), url);
  }

  find(address: string): string | undefined {
    return this.byKey.size ? this.byKey.get(oldAddressKey(address)) : undefined;
  }
}

/** src/href of an <img> or <a>, quoted either way or not at all. */
const LINK = /(<(?:img|a)\b[^>]*?\s(?:src|href)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;

const decodeAttr = (s: string) => s.replace(/&amp;/gi, '&').replace(/&quot;/gi, '"').replace(/&#39;|&apos;/gi, "'");

/**
 * An imported body as the editor would have stored it: images and links that point at one of
 * the imported files' old addresses (whole URLs or paths) now point at the file's new address,
 * then the editor's sanitiser. Rewritten before sanitising, because the sanitiser drops an
 * image whose src is a relative path ("uploads/anh.jpg"), which old portals wrote. The images
 * of the media library get their responsive sizes when the page is rendered.
 */
export function importBody(html: string, files: FileAddresses): string {
  const rewritten = html.replace(LINK, (whole: string, head: string, dq?: string, sq?: string, bare?: string) => {
    const value = decodeAttr((dq ?? sq ?? bare ?? '').trim());
    const url = value && !/^(data|javascript|mailto|tel):/i.test(value) ? files.find(value) : undefined;
    return url ? `${head}"${url}"` : whole;
  });
  return sanitizeArticleHtml(rewritten);
}
