import type { Db } from '../../kernel/db/connection.js';
import { escapeHtml } from '../../kernel/lib/html.js';
import { allPaths, srcsetFor } from './present.js';

/** An <img> of sanitized HTML: attributes are quoted, so a regular expression reads them exactly. */
const IMG = /<img\b([^>]*)>/g;
const SRC = /\ssrc="\/media\/([^"]+)"/;
/** Far more images than an article has; bounds the query. */
const MAX_IMAGES = 60;
/** Images in an article body are at most the width of the text column. */
const SIZES = '(max-width: 820px) 100vw, 820px';

/** "<site>/<yyyy>/<mm>/<random>-<slug>-960.webp" → the stems its media row's main file may have. */
function stemsOf(path: string): string[] {
  const base = path.replace(/\.[a-z0-9]+$/i, '');
  const short = base.replace(/-\d+$/, '');
  return short === base ? [base] : [base, short];
}

/**
 * Gives the images of the site's library in an article body (inserted from the editor's library
 * dialog, or by address) the responsive attributes of a cover: srcset in the original format,
 * sizes, and the intrinsic width and height (no layout shift), plus lazy loading. At render time
 * of the (cached) article page, with one query for all images.
 */
export async function responsiveImages(db: Db, siteId: number, html: string): Promise<string> {
  const paths = new Set<string>();
  for (const m of html.matchAll(IMG)) {
    const src = SRC.exec(m[1]!)?.[1];
    if (src && paths.size < MAX_IMAGES) paths.add(src);
  }
  if (!paths.size) return html;
  const stems = [...new Set([...paths].flatMap(stemsOf))];
  const rows = await db
    .selectFrom('media')
    .select(['disk_path', 'mime', 'width', 'height', 'variants'])
    .where('site_id', '=', siteId)
    .where('kind', '=', 'image')
    .where((eb) => eb.or(stems.map((s) => eb('disk_path', 'like', `${s.replace(/[%_\\]/g, '')}.%`))))
    .execute();
  const byPath = new Map<string, (typeof rows)[number]>();
  for (const r of rows) for (const p of allPaths(r)) byPath.set(p, r);
  return html.replace(IMG, (tag: string, attrs: string) => {
    const src = SRC.exec(attrs)?.[1];
    const media = src ? byPath.get(src) : undefined;
    if (!media || /\ssrcset=/.test(attrs)) return tag;
    const r = srcsetFor(media, SIZES);
    let extra = '';
    if (r.srcset) extra += ` srcset="${escapeHtml(r.srcset)}" sizes="${SIZES}"`;
    if (r.width && r.height && !/\swidth=/.test(attrs)) extra += ` width="${r.width}" height="${r.height}"`;
    if (!/\sloading=/.test(attrs)) extra += ' loading="lazy" decoding="async"';
    // The chosen copy stays as src; srcset lets the browser pick another width of the same image.
    return `<img${attrs.replace(/\s*\/$/, '')}${extra}>`;
  });
}
