import type { MediaKind } from './sniff.js';
import type { MediaRow, MediaVariant } from '../../kernel/db/tables/media.js';
import { formatNumber } from '../../kernel/lib/format.js';

/** How stored media are shown: URLs, responsive image attributes, sizes in Vietnamese. */
export const mediaUrl = (diskPath: string): string => `/media/${diskPath}`;

export const KIND_NAMES: Record<MediaKind, string> = { image: 'Ảnh', document: 'Tài liệu', audio: 'Âm thanh', video: 'Video' };

export function variantsOf(m: Pick<MediaRow, 'variants'>): MediaVariant[] {
  try {
    const v: unknown = JSON.parse(m.variants);
    return Array.isArray(v) ? (v as MediaVariant[]) : [];
  } catch {
    return [];
  }
}

/** Every stored file of a media row: the main file and its variants. */
export function allPaths(m: Pick<MediaRow, 'disk_path' | 'variants'>): string[] {
  return [m.disk_path, ...variantsOf(m).map((v) => v.path)];
}

export interface ResponsiveImage {
  /** The main file: the fallback for browsers without srcset. */
  src: string;
  /** "url 480w, url 960w, …" in the original format (every browser decodes it); '' when none. */
  srcset: string;
  sizes: string;
  /** Intrinsic size of the main file, for width/height attributes (no layout shift). */
  width: number;
  height: number;
  /** The same widths in WebP, for <picture><source type="image/webp">; '' when none. */
  webpSrcset: string;
}

const FORMAT_OF_MIME: Record<string, MediaVariant['format']> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

type ImageRef = Pick<MediaRow, 'disk_path' | 'mime' | 'width' | 'height' | 'variants'>;

/**
 * Attributes for an <img> (or <picture>) of an image from the library.
 * `sizes` defaults to a content column at most 960 px wide.
 */
export function srcsetFor(media: ImageRef, sizes = '(max-width: 960px) 100vw, 960px'): ResponsiveImage {
  const width = media.width ?? 0;
  const height = media.height ?? 0;
  const variants = variantsOf(media);
  const mainFormat = FORMAT_OF_MIME[media.mime];
  const list = (format: MediaVariant['format'] | undefined, min: number) => {
    const byWidth = new Map<number, string>();
    for (const v of variants) if (v.format === format) byWidth.set(v.width, mediaUrl(v.path));
    // The main file is the widest candidate when it is in this format.
    if (format === mainFormat && width) byWidth.set(width, mediaUrl(media.disk_path));
    if (byWidth.size < min) return '';
    return [...byWidth].sort((a, b) => a[0] - b[0]).map(([w, url]) => `${url} ${w}w`).join(', ');
  };
  return {
    src: mediaUrl(media.disk_path),
    srcset: list(mainFormat, 2),
    sizes,
    width,
    height,
    webpSrcset: mainFormat === 'webp' ? '' : list('webp', 1),
  };
}

/** The smallest image file of a row, for back-office thumbnails. */
export function thumbnailOf(media: ImageRef): string {
  const small = variantsOf(media).filter((v) => v.width <= 480).sort((a, b) => a.bytes - b.bytes)[0];
  return mediaUrl(small?.path ?? media.disk_path);
}

export function formatBytes(n: number): string {
  const nf = (x: number) => formatNumber(x, { maximumFractionDigits: 1 });
  if (n >= 1024 * 1024) return `${nf(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${nf(n / 1024)} KB`;
  return `${nf(n)} byte`;
}
