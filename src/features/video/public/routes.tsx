import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage, permanentRedirect } from '../../../kernel/http/render.js';
import { SlugIdParams } from '../../../kernel/http/route-schemas.js';
import { contentSecurityPolicy } from '../../../kernel/http/security.js';
import type { ClipKind } from '../../../kernel/db/tables/gallery.js';
import { AppError } from '../../../kernel/lib/errors.js';
import { splitSlugId } from '../../../kernel/lib/ids.js';
import { clipUrl, SECTION_PATH, YOUTUBE_EMBED_ORIGIN } from '../paths.js';
import { findClip, lastClipChange, listClips } from '../repo.js';
import { ClipListPage, ClipPage } from './views.js';

const LIST_SIZE = 60;

/** Video (/video) and Bản tin phát thanh (/phat-thanh): a list and a page per clip. */
export async function videoRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.cong;

  for (const kind of ['video', 'audio'] as ClipKind[]) {
    app.get(SECTION_PATH[kind], cached(app, async (request) => {
      const [frame, clips, changed] = await Promise.all([frameFor(ctx, request), listClips(ctx.db, request.site.id, kind, { limit: LIST_SIZE }), lastClipChange(ctx.db, request.site.id, kind)]);
      return htmlPage(<ClipListPage frame={frame} kind={kind} clips={clips} />, changed);
    }));

    app.get(`${SECTION_PATH[kind]}/:slugId`, cached(app, { params: SlugIdParams }, async (request) => {
      const { slug, id } = splitSlugId(request.params.slugId);
      const clip = await findClip(ctx.db, request.site.id, kind, id);
      if (!clip) throw new AppError('not_found');
      if (slug !== clip.slug) return permanentRedirect(clipUrl(clip));
      const page = htmlPage(<ClipPage frame={await frameFor(ctx, request)} clip={clip} />, clip.updated_at);
      // Only a page with a YouTube video may frame anything, and only the privacy-enhanced player.
      if (clip.youtube_id) page.headers = { ...page.headers, 'content-security-policy': `${contentSecurityPolicy(request.site)}; frame-src ${YOUTUBE_EMBED_ORIGIN}` };
      return page;
    }));
  }
}
