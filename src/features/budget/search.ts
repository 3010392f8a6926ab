import { searchFold } from '../../kernel/lib/text.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import { shortDay } from './present.js';
import { listReports } from './repo.js';
import { BUDGET_LABEL } from './section.js';
import { budgetUrls } from './urls.js';

/**
 * "Công khai ngân sách" group on /tim-kiem: published reports whose title, form, year or note hold
 * every word (a ward publishes about ten a year: they are filtered here, not indexed).
 */
export const searchBudget: SectionSearch = async (db, siteId, query, _now, limit) => {
  const terms = query.terms.slice(0, 12);
  const hits = (await listReports(db, siteId)).filter((r) => {
    const text = ` ${searchFold([r.title, r.form_name, String(r.fiscal_year), r.note, 'ngan sach'].join(' '))} `;
    return terms.every((t) => text.includes(` ${t} `));
  });
  if (!hits.length) return null;
  return {
    heading: BUDGET_LABEL,
    items: hits.slice(0, limit).map((r) => ({ title: r.title, href: budgetUrls.report(r), meta: `${r.form_name} · công khai ${shortDay(r.published_on)}` })),
    total: hits.length,
  };
};
