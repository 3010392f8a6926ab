import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { PublicSection } from '../../../kernel/feature.js';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import type { NoticeKind } from '../notice-kind.js';
import { lastNoticeChange, listNotices } from '../notice-repo.js';
import { NoticeList } from './notice-list.js';
import { SectionPage } from './section-page.js';

export interface NoticeSectionPage {
  section: PublicSection;
  kind: NoticeKind;
  description: string;
  intro: ComponentChildren;
  /** Heading above the notices when the page has more above them (the spokesperson). */
  listHeading?: string;
  empty: string;
  /** Content above the notices, loaded per render (the spokesperson's card). */
  top?: (app: FastifyInstance, request: FastifyRequest) => Promise<ComponentChildren>;
}

/** The public page of a section made of dated notices: intro, what is above them, the notices. */
export function noticeSectionRoutes(app: FastifyInstance, p: NoticeSectionPage): void {
  const ctx = app.cong;
  app.get(p.section.path, cached(app, async (request) => {
    const [frame, notices, changed, top] = await Promise.all([
      frameFor(ctx, request),
      listNotices(ctx.db, request.site.id, p.kind.kind),
      lastNoticeChange(ctx.db, request.site.id, p.kind.kind),
      p.top ? p.top(app, request) : Promise.resolve(null),
    ]);
    return htmlPage(
      <SectionPage frame={frame} section={p.section} description={p.description}>
        {p.intro}
        {top}
        {p.listHeading && <h2 class="section-heading">{p.listHeading}</h2>}
        <NoticeList kind={p.kind} notices={notices} now={ctx.now()} empty={p.empty} level={p.listHeading ? 3 : 2} />
      </SectionPage>,
      changed,
    );
  }));
}
