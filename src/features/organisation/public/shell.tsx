import type { ComponentChildren } from 'preact';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';
import { alternatesOf, ORG_PAGES, type OrgPageKey } from '../paths.js';
import type { OrgAgencyRow } from '../../../kernel/db/tables/organisation.js';
import { STRINGS } from './strings.js';
import type { Lang } from './text.js';

const ORDER: OrgPageKey[] = ['overview', 'chart', 'leaders', 'contact'];

/**
 * The frame of the four pages in either language: the layout with hreflang alternates, the
 * breadcrumb, the page's heading and the section's own navigation.
 */
export function OrgShell({ frame, lang, page, agency, title, children }: {
  frame: Frame; lang: Lang; page: OrgPageKey; agency: OrgAgencyRow; title: string; children: ComponentChildren;
}) {
  const s = STRINGS[lang];
  const path = ORG_PAGES[page][lang];
  const home = lang === 'vi' ? { name: s.home, href: '/' } : { name: s.overview, href: ORG_PAGES.overview.en };
  const crumbs = lang === 'vi'
    ? [home, ...(page === 'overview' ? [] : [{ name: s.overview, href: ORG_PAGES.overview.vi }]), { name: title, href: path }]
    : page === 'overview' ? [home] : [home, { name: title, href: path }];
  const agencyName = lang === 'en' ? agency.name_en || agency.name : agency.name;
  return (
    <Layout
      frame={frame}
      meta={{ title, canonicalPath: path, description: s.description(agencyName), current: 'sec:gioi-thieu', lang, alternates: alternatesOf(page) }}
      crumbs={crumbs}
    >
      <div class="org-page">
        <h1 class="page-title">{title}</h1>
        <nav class="org-nav" aria-label={s.sectionNav}>
          <ul>
            {ORDER.map((k) => (
              <li><a href={ORG_PAGES[k][lang]} aria-current={k === page ? 'page' : undefined}>{k === 'overview' ? s.overview : s[k]}</a></li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </Layout>
  );
}
