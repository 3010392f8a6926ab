import type { Db } from '../../kernel/db/connection.js';
import { searchFold } from '../../kernel/lib/text.js';
import type { SectionResults, SectionSearch } from '../../kernel/search/groups.js';
import { ORG_PAGES } from './paths.js';
import { listPeople, listUnits } from './repo.js';

/**
 * People and units matching every clause of the query, by name, post or unit name (folded, whole
 * words). A site has tens of such records, so they are folded here rather than indexed.
 */
export const searchOrganisation: SectionSearch = async (db: Db, siteId, query, _now, limit): Promise<SectionResults | null> => {
  const [units, people] = await Promise.all([listUnits(db, siteId), listPeople(db, siteId)]);
  const matches = (text: string) => {
    const folded = ` ${searchFold(text)} `;
    return query.clauses.every((c) => folded.includes(` ${c.join(' ')} `));
  };
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const items: SectionResults['items'] = [];
  for (const p of people) {
    const unit = p.unit_id === null ? '' : unitName.get(p.unit_id) ?? '';
    if (matches(`${p.full_name} ${p.post} ${unit}`)) {
      items.push({ title: p.full_name, href: p.is_leader ? ORG_PAGES.leaders.vi : ORG_PAGES.chart.vi, meta: p.post });
    }
  }
  for (const u of units) if (matches(u.name)) items.push({ title: u.name, href: ORG_PAGES.chart.vi, meta: 'Đơn vị, bộ phận' });
  if (!items.length) return null;
  return { heading: 'Giới thiệu – Tổ chức', items: items.slice(0, limit), total: items.length, moreHref: items.length > limit ? ORG_PAGES.chart.vi : undefined };
};
