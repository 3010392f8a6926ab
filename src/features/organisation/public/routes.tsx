import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { cached } from '../../../kernel/http/cached.js';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { ORG_PAGES, type OrgPageKey } from '../paths.js';
import { agencyOrDefault, buildTree, lastChange, listPeople, listUnits } from '../repo.js';
import type { Lang } from './text.js';
import { ChartPage, ContactPage, LeadersPage, OverviewPage } from './pages.js';

/** Public pages of Giới thiệu (organisation, leaders, contacts) and the English section at /en. */
export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.cong;

  async function load(request: FastifyRequest) {
    const site = request.site;
    const [frame, agency, units, people, changed] = await Promise.all([
      frameFor(ctx, request),
      agencyOrDefault(ctx.db, site),
      listUnits(ctx.db, site.id),
      listPeople(ctx.db, site.id),
      lastChange(ctx.db, site.id),
    ]);
    return { frame, agency, units, people, changed };
  }
  type Data = Awaited<ReturnType<typeof load>>;

  const pages: Record<OrgPageKey, (d: Data, lang: Lang) => VNode> = {
    overview: (d, lang) => <OverviewPage frame={d.frame} lang={lang} agency={d.agency} />,
    chart: (d, lang) => (
      <ChartPage frame={d.frame} lang={lang} agency={d.agency} tree={buildTree(d.units, d.people)} leadership={d.people.filter((p) => p.unit_id === null)} />
    ),
    leaders: (d, lang) => <LeadersPage frame={d.frame} lang={lang} agency={d.agency} leaders={d.people.filter((p) => p.is_leader === 1)} units={d.units} />,
    contact: (d, lang) => <ContactPage frame={d.frame} lang={lang} agency={d.agency} units={d.units} />,
  };

  for (const [key, render] of Object.entries(pages) as [OrgPageKey, (typeof pages)[OrgPageKey]][]) {
    for (const lang of ['vi', 'en'] as const) {
      app.get(ORG_PAGES[key][lang], cached(app, async (request) => {
        const d = await load(request);
        return htmlPage(render(d, lang), d.changed);
      }));
    }
  }
}
