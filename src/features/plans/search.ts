import { searchFold } from '../../kernel/lib/text.js';
import type { SectionSearch } from '../../kernel/search/groups.js';
import { KIND_NAMES } from './present.js';
import { listPlans } from './repo.js';
import { PLANS_LABEL, planUrls } from './urls.js';

/** "Quy hoạch – Kế hoạch" on /tim-kiem: plans whose title, kind, decision, period or summary hold every word. */
export const searchPlans: SectionSearch = async (db, siteId, query, _now, limit) => {
  const terms = query.terms.slice(0, 12);
  const hits = (await listPlans(db, siteId)).filter((p) => {
    const text = ` ${searchFold([p.title, KIND_NAMES[p.kind], p.decision, p.period, p.summary].join(' '))} `;
    return terms.every((t) => text.includes(` ${t} `));
  });
  if (!hits.length) return null;
  return { heading: PLANS_LABEL, items: hits.slice(0, limit).map((p) => ({ title: p.title, href: planUrls.plan(p), meta: [KIND_NAMES[p.kind], p.period].filter(Boolean).join(' · ') })), total: hits.length };
};
