import type { SectionSearch } from '../../kernel/search/groups.js';
import { LIST_PATH, procedureUrl } from './fields.js';
import { listProcedures } from './repo.js';

/** "Thủ tục hành chính" group on /tim-kiem: published procedures whose name, code or field hold every word. */
export const searchProcedures: SectionSearch = async (db, siteId, query, _now, limit) => {
  const rows = await listProcedures(db, siteId, { terms: query.terms.slice(0, 12) });
  if (!rows.length) return null;
  return {
    heading: 'Thủ tục hành chính',
    items: rows.slice(0, limit).map((p) => ({ title: p.title, href: procedureUrl(p), meta: [p.field, p.code && `mã ${p.code}`].filter(Boolean).join(' · ') })),
    moreHref: rows.length > limit ? `${LIST_PATH}?q=${encodeURIComponent(query.text)}` : undefined,
    total: rows.length,
  };
};
