import { searchFold } from '../../kernel/lib/text.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import { NOTICE_KINDS, shortDay, STATUS_NAMES } from './present.js';
import { listProjects, listRecentNotices } from './repo.js';
import { PROJECTS_LABEL, projectUrls } from './urls.js';

/** "Dự án – Đấu thầu – GPMB" on /tim-kiem: projects and notices holding every word (a ward has tens of them). */
export const searchProjects: SectionSearch = async (db, siteId, query, _now, limit) => {
  const terms = query.terms.slice(0, 12);
  const has = (parts: string[]) => {
    const text = ` ${searchFold(parts.join(' '))} `;
    return terms.every((t) => text.includes(` ${t} `));
  };
  const projects = (await listProjects(db, siteId)).filter((p) => has([p.name, p.investor, p.location, p.summary, 'du an']));
  const notices = (await listRecentNotices(db, siteId, 500)).filter((n) => has([n.title, n.body, n.project_name, NOTICE_KINDS[n.kind]]));
  const items = [
    ...projects.map((p) => ({ title: p.name, href: projectUrls.project(p), meta: `${STATUS_NAMES[p.status]} · ${p.location}` })),
    ...notices.map((n) => ({ title: n.title, href: projectUrls.notice({ id: n.project_id, slug: n.project_slug }, n), meta: `${NOTICE_KINDS[n.kind]} · ${shortDay(n.issued_on)}` })),
  ];
  if (!items.length) return null;
  return { heading: PROJECTS_LABEL, items: items.slice(0, limit), total: items.length };
};
