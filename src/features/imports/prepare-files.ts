import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Db } from '../../kernel/db/connection.js';
import type { MediaKind, MediaVariant } from '../../kernel/db/tables/media.js';
import { searchFold } from '../../kernel/lib/text.js';
import type { Site } from '../../kernel/sites/site.js';
import type { MediaStorage } from '../../kernel/storage/media-storage.js';
import { cleanFileName, MAX_FILE_BYTES, NOT_A_DOCUMENT, sniffDocumentFile, storedPath, TOO_LARGE } from '../documents/files.js';
import { tooLargeMessage, UNSUPPORTED_MESSAGE, UPLOAD_LIMITS } from '../media/commands/upload-media.js';
import { EXT_OF, processImage } from '../media/images.js';
import { mediaUrl } from '../media/present.js';
import { sniff, TYPES_BY_EXT } from '../media/sniff.js';
import { newStem, writeFiles } from '../media/storage.js';
import { ImportError } from './import-error.js';
import type { ImportItems } from './items.js';
import type { CleanFile, ImportPlan } from './plan.js';

/** A file of the library, already in the store: a row to insert, or the row of an earlier run. */
export interface PreparedMedia {
  rec: CleanFile;
  existing: { id: number; url: string; kind: string } | null;
  row: {
    kind: MediaKind; original_name: string; title: string; alt: string; name_fold: string;
    disk_path: string; mime: string; bytes: number; width: number | null; height: number | null; variants: string;
  } | null;
}

/** A document's attached file, in the store, its row still to insert. */
export interface PreparedDocumentFile {
  documentId: string;
  rec: CleanFile;
  row: { original_name: string; disk_path: string; mime: string; ext: string; size_bytes: number };
}

export interface PreparedFiles {
  media: Map<string, PreparedMedia>;
  documentFiles: PreparedDocumentFile[];
  /** Every key written to the store by this run: removed again when the import fails. */
  written: string[];
}

/**
 * Reads, checks and stores the files before the transaction (images through the media
 * feature's pipeline: pixel budget, responsive sizes, WebP), one at a time so that memory holds
 * one image. A file that cannot be read, is not a type we accept or that sharp refuses stops
 * the import, naming its line; what this run stored is then removed. A file an earlier run
 * stored is not read again. `dryRun` checks everything and stores nothing.
 */
export async function prepareFiles(
  db: Db,
  site: Site,
  plan: ImportPlan,
  items: ImportItems,
  opts: { filesDir?: string; media: MediaStorage; now: Date; dryRun?: boolean; tick: () => void },
): Promise<PreparedFiles> {
  const out: PreparedFiles = { media: new Map(), documentFiles: [], written: [] };
  const forDocuments = new Map<string, string[]>();
  for (const d of plan.documents.values()) for (const f of d.files) forDocuments.set(f, [...(forDocuments.get(f) ?? []), d.id]);
  try {
    for (const rec of plan.files.values()) {
      const docs = forDocuments.get(rec.id);
      if (docs) {
        const missing = docs.filter((d) => !items.has('document_file', `${d}/${rec.id}`));
        if (missing.length) {
          const data = await readSourceFile(rec, opts.filesDir);
          const type = sniffDocumentFile(data);
          if (!type) throw ImportError.at(rec.line, 'file', rec.id, `văn bản đính kèm: ${NOT_A_DOCUMENT}`);
          if (data.length > MAX_FILE_BYTES) throw ImportError.at(rec.line, 'file', rec.id, TOO_LARGE);
          const name = cleanFileName(rec.path) || `van-ban.${type.ext}`;
          for (const documentId of missing) {
            const path = storedPath(site.code, name, type.ext);
            if (!opts.dryRun) {
              await writeFiles(opts.media, [{ path, data, contentType: type.mime }]);
              out.written.push(path);
            }
            out.documentFiles.push({ documentId, rec, row: { original_name: name, disk_path: path, mime: type.mime, ext: type.ext, size_bytes: data.length } });
          }
        }
        opts.tick();
        continue;
      }
      const earlier = items.get('media', rec.id);
      if (earlier !== undefined) {
        const row = await db.selectFrom('media').select(['id', 'disk_path', 'kind']).where('site_id', '=', site.id).where('id', '=', earlier).executeTakeFirst();
        if (row) {
          out.media.set(rec.id, { rec, existing: { id: row.id, url: mediaUrl(row.disk_path), kind: row.kind }, row: null });
          opts.tick();
          continue;
        }
      }
      out.media.set(rec.id, await prepareMedia(rec, site, opts, out.written));
      opts.tick();
    }
  } catch (err) {
    for (const key of out.written) await opts.media.delete(key).catch(() => undefined);
    throw err;
  }
  return out;
}

async function prepareMedia(rec: CleanFile, site: Site, opts: { filesDir?: string; media: MediaStorage; now: Date; dryRun?: boolean }, written: string[]): Promise<PreparedMedia> {
  const data = await readSourceFile(rec, opts.filesDir);
  const type = sniff(data);
  if (!type) throw ImportError.at(rec.line, 'file', rec.id, UNSUPPORTED_MESSAGE);
  if (data.length > UPLOAD_LIMITS[type.kind]) throw ImportError.at(rec.line, 'file', rec.id, tooLargeMessage(type.kind));
  const originalName = cleanFileName(rec.path) || `tep.${type.ext}`;
  let width: number | null = null;
  let height: number | null = null;
  let outputs: { suffix: string; ext: string; data: Buffer; variant?: Omit<MediaVariant, 'path' | 'bytes'> }[] = [{ suffix: '', ext: type.ext, data }];
  if (type.kind === 'image') {
    const img = await processImage(data);
    if (!img.ok) throw ImportError.at(rec.line, 'file', rec.id, img.error);
    ({ width, height } = img);
    outputs = [img.main, ...img.variants].map((o, i) => ({
      suffix: o.suffix, ext: EXT_OF[o.format], data: o.data, variant: i > 0 ? { format: o.format, width: o.width, height: o.height } : undefined,
    }));
  }
  const stem = newStem(site.code, originalName, opts.now);
  const files = outputs.map((o) => ({ ...o, path: `${stem}${o.suffix}.${o.ext}`, contentType: TYPES_BY_EXT[o.ext]!.mime }));
  if (!opts.dryRun) {
    await writeFiles(opts.media, files);
    written.push(...files.map((f) => f.path));
  }
  const variants: MediaVariant[] = files.filter((f) => f.variant).map((f) => ({ path: f.path, ...f.variant!, bytes: f.data.length }));
  const title = rec.title || originalName.replace(/\.[^.]*$/, '') || originalName;
  return {
    rec,
    existing: null,
    row: {
      kind: type.kind, original_name: originalName, title, alt: type.kind === 'image' ? rec.alt || rec.title : '',
      name_fold: searchFold(`${title} ${originalName}`), disk_path: files[0]!.path, mime: type.mime, bytes: files[0]!.data.length,
      width, height, variants: JSON.stringify(variants),
    },
  };
}

/** The bytes of a file record, from inside the files folder only. */
async function readSourceFile(rec: CleanFile, filesDir: string | undefined): Promise<Buffer> {
  if (!filesDir) throw ImportError.at(rec.line, 'file', rec.id, 'tệp cần thư mục chứa tệp: chạy lại lệnh với --files <thư mục>.');
  const root = resolve(filesDir);
  const full = resolve(root, rec.path);
  if (!full.startsWith(root + sep)) throw ImportError.at(rec.line, 'file', rec.id, `đường dẫn tệp “${rec.path}” nằm ngoài thư mục tệp.`);
  try {
    const s = await stat(full);
    if (!s.isFile()) throw new Error('not a file');
    return await readFile(full);
  } catch {
    throw ImportError.at(rec.line, 'file', rec.id, `không đọc được tệp “${rec.path}” trong thư mục ${filesDir}.`);
  }
}
