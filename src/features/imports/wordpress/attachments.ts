import type { FileRecord } from '../records.js';
import { readPhpSerialized, type PhpArray } from './php-serialized.js';
import type { WxrItem } from './wxr.js';

/**
 * An attachment of the export as a file record: its path under the uploads folder
 * (`_wp_attached_file`) and every address it was reachable at — the file's URL, the resized
 * copies WordPress made of it (from `_wp_attachment_metadata`), the original of a "-scaled" image,
 * and the attachment page. Images in bodies point at one of these, so the import can lead each
 * to the new file. Null when the export does not say where the file is.
 */
export function attachmentToFile(item: WxrItem, baseUrl: string): FileRecord | null {
  const path = (item.meta.get('_wp_attached_file') ?? '').replace(/^\/+/, '');
  if (!path) return null;
  const url = item.attachmentUrl || item.guid;
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  const metadata = readPhpSerialized(item.meta.get('_wp_attachment_metadata') ?? '');
  const copies: string[] = [];
  if (metadata && typeof metadata === 'object') {
    const sizes = metadata.sizes;
    if (sizes && typeof sizes === 'object') {
      for (const size of Object.values(sizes)) {
        const file = size && typeof size === 'object' ? (size as PhpArray).file : undefined;
        if (typeof file === 'string' && file) copies.push(folder + file);
      }
    }
    if (typeof metadata.original_image === 'string' && metadata.original_image) copies.push(folder + metadata.original_image);
  }
  const oldUrls = unique([url, item.guid, ...copies, `${baseUrl}/?attachment_id=${item.id}`, item.link].filter((u) => /^https?:\/\//i.test(u)));
  const alt = item.meta.get('_wp_attachment_image_alt') ?? '';
  return {
    type: 'file',
    id: item.id,
    path,
    ...(item.title ? { title: item.title } : {}),
    ...(alt ? { alt } : {}),
    oldUrls,
  };
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}
