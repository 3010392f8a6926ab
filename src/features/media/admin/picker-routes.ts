import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { mediaPolicy } from '../policy.js';
import { mediaUrl, variantsOf } from '../present.js';
import { listMedia } from '../repo.js';
import type { MediaRow } from '../../../kernel/db/tables/media.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { actorOf } from '../../../kernel/http/admin-scope.js';
import { QueryText } from '../../../kernel/http/route-schemas.js';
import { parseCursor } from '../../../kernel/lib/ids.js';

export const PICKER_PATH = '/quan-tri/thu-vien/chon';
const PAGE = 24;

/** One image as the editor's picker shows and inserts it. */
export interface PickerImage {
  id: number;
  title: string;
  alt: string;
  /** What goes in the article: the widest copy up to 960 px in the original format. */
  src: string;
  /** A small copy for the picker grid. */
  thumb: string;
  width: number;
  height: number;
}

export function pickerImage(m: MediaRow): PickerImage {
  const same = variantsOf(m).filter((v) => m.mime.endsWith(v.format === 'jpeg' ? 'jpeg' : v.format));
  const fit = same.filter((v) => v.width <= 960).sort((a, b) => b.width - a.width)[0];
  const small = [...same].sort((a, b) => a.width - b.width)[0];
  return {
    id: m.id,
    title: m.title,
    alt: m.alt,
    src: fit ? mediaUrl(fit.path) : mediaUrl(m.disk_path),
    thumb: small ? mediaUrl(small.path) : mediaUrl(m.disk_path),
    width: fit?.width ?? m.width ?? 0,
    height: fit?.height ?? m.height ?? 0,
  };
}

/**
 * The images of the site's library as JSON for the editor's "choose from the library" dialog
 * (newest first, searchable, keyset-paginated like the library screen).
 */
export async function mediaPickerRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(PICKER_PATH, { schema: { querystring: Type.Object({ q: QueryText, sau: QueryText }) } }, async (request, reply) => {
    if (!mediaPolicy.browse(actorOf(request), request.site.id)) throw new AppError('forbidden');
    const q = request.query;
    const cursor = parseCursor(q.sau);
    const rows = await listMedia(app.cong.db, request.site.id, {
      kind: 'image',
      text: q.q?.slice(0, 200),
      after: cursor ? { createdAt: cursor.value, id: cursor.id } : undefined,
      limit: PAGE + 1,
    });
    const page = rows.slice(0, PAGE);
    const last = page[page.length - 1];
    return reply.header('cache-control', 'no-store').send({
      images: page.map(pickerImage),
      next: rows.length > PAGE && last ? `${last.created_at}~${last.id}` : null,
    });
  });
}
