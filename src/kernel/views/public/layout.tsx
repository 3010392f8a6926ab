import type { ComponentChildren } from 'preact';
import type { Frame, MenuLink } from './frame.js';
import { urls } from '../../http/urls.js';
import { JsonLd } from './trusted-html.js';
import { Sidebar } from './widgets.js';
import { SiteFooter } from './footer.js';
import { SearchBox } from './search-box.js';
import { ArchiveBanner } from './archive-banner.js';

export interface Crumb {
  name: string;
  href: string;
}

export interface PageMeta {
  title: string;
  description?: string;
  /** Path of the canonical URL (origin comes from the frame). */
  canonicalPath: string;
  ogType?: 'website' | 'article';
  publishedTime?: string;
  noindex?: boolean;
  jsonLd?: unknown[];
  /** Extra stylesheet / script logical names for this page (e.g. the map). */
  styles?: string[];
  scripts?: string[];
  /** The nav entry to mark as current. */
  current?: string;
  /** Language of the page; English pages get English chrome around them (default Vietnamese). */
  lang?: 'vi' | 'en';
  /** The same page in other languages: hreflang ("vi", "en", "x-default") and site-relative path. */
  alternates?: { hreflang: string; path: string }[];
}

export function Layout({ frame, meta, crumbs, children, wide }: {
  frame: Frame;
  meta: PageMeta;
  crumbs?: Crumb[];
  children: ComponentChildren;
  wide?: boolean;
}) {
  const { site, assets, origin } = frame;
  const fullTitle = meta.canonicalPath === '/' ? site.name : `${meta.title} - ${site.name}`;
  const canonical = origin + meta.canonicalPath;
  const jsonLd = [...(meta.jsonLd ?? [])];
  if (crumbs?.length) jsonLd.push(breadcrumbLd(origin, crumbs));
  const en = meta.lang === 'en';
  const otherLanguage = languageLinkOf(frame, meta);
  return (
    <html lang={en ? 'en' : 'vi'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={canonical} />
        {meta.alternates?.map((a) => <link rel="alternate" hreflang={a.hreflang} href={origin + a.path} />)}
        <link rel="alternate" type="application/rss+xml" title={`${site.name} - RSS`} href={urls.feed()} />
        <link rel="search" type="application/opensearchdescription+xml" title={site.name} href="/opensearch.xml" />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:locale" content={en ? 'en_US' : 'vi_VN'} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        {meta.description && <meta property="og:description" content={meta.description} />}
        <meta property="og:url" content={canonical} />
        {meta.publishedTime && <meta property="article:published_time" content={meta.publishedTime} />}
        <link rel="icon" href={assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.url('app.css')} />
        {frame.stylesheets.map((href) => <link rel="stylesheet" href={href} />)}
        {meta.styles?.map((s) => <link rel="stylesheet" href={assets.url(s)} />)}
        <script type="module" src={assets.url('app.js')} />
        {meta.scripts?.map((s) => <script type="module" src={assets.url(s)} />)}
        {/* The national monitoring system's script (EMC, Thông tư 22/2023), when the site has one; its origin is in the CSP. */}
        {site.settings.emcScriptUrl && <script src={site.settings.emcScriptUrl} async />}
        {jsonLd.map((d) => <JsonLd data={d} />)}
      </head>
      <body>
        <a class="skip-link" href="#noi-dung">{en ? 'Skip to main content' : 'Bỏ qua đến nội dung chính'}</a>
        <ArchiveBanner frame={frame} />
        {frame.banners.map((banner) => banner(frame))}
        {en ? <EnglishHeader frame={frame} languageLink={otherLanguage} /> : <SiteHeader frame={frame} current={currentOf(frame, meta)} languageLink={otherLanguage} />}
        <div class={wide || en ? 'container wide' : 'container'}>
          <main id="noi-dung" tabIndex={-1}>
            {crumbs && <Breadcrumb crumbs={crumbs} label={en ? 'Breadcrumb' : undefined} />}
            {children}
          </main>
          {!wide && !en && <Sidebar frame={frame} current={currentOf(frame, meta)} />}
        </div>
        {en ? <div lang="vi"><SiteFooter frame={frame} /></div> : <SiteFooter frame={frame} />}
        {/* Counts the visit of people without JavaScript (the script counts everyone else). */}
        <noscript><img src="/thong-ke/ghi.gif" alt="" width={1} height={1} class="stats-pixel" /></noscript>
      </body>
    </html>
  );
}

function SiteHeader({ frame, current, languageLink }: { frame: Frame; current?: string; languageLink: string | null }) {
  return (
    <header class="site-header">
      {languageLink && <LanguageSwitch en={false} href={languageLink} />}
      <Brand frame={frame} />
      <SearchBox />
      <nav class="main-nav" aria-label="Chuyên mục">
        <ul>
          <li><a href="/" aria-current={current === 'home' ? 'page' : undefined}>Trang chủ</a></li>
          {menuOf(frame).map((m) => (
            <li>
              <a href={m.href} aria-current={current === m.current ? 'page' : undefined}>{m.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** The site's logo from its appearance settings, or the national emblem (decorative: the name follows). */
function Emblem({ frame }: { frame: Frame }) {
  const logo = frame.site.settings.appearance?.logo;
  if (logo) return <img class="emblem logo" src={`/media/${logo.path}`} alt="" width={logo.width || undefined} height={logo.height || undefined} />;
  return (
    <svg class="emblem" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="31" fill="#c8102e" stroke="#f7d117" stroke-width="2" />
      <polygon fill="#f7d117" points="32,12 37.9,26.1 53,26.1 40.8,35.2 45.5,50 32,41 18.5,50 23.2,35.2 11,26.1 26.1,26.1" />
    </svg>
  );
}

/** The nav entry of a section page (a feature's `section`) when the page names none itself. */
function currentOf(frame: Frame, meta: PageMeta): string | undefined {
  if (meta.current) return meta.current;
  const s = frame.sections.find((x) => meta.canonicalPath === x.path || meta.canonicalPath.startsWith(`${x.path}/`));
  return s ? `sec:${s.key}` : undefined;
}

/** The menu the site's admins configured, or by default every category and the first page. */
function menuOf(frame: Frame): MenuLink[] {
  if (frame.menu.length) return frame.menu;
  return [
    ...frame.categories.map((c) => ({ href: urls.category(c.slug), label: c.name, current: `cat:${c.slug}` })),
    ...frame.pages.slice(0, 1).map((p) => ({ href: urls.page(p.slug), label: p.title, current: `page:${p.slug}` })),
  ];
}

/**
 * The header of an English page: the site's (Vietnamese) name marked as such, without the
 * Vietnamese menu and search box, which lead to Vietnamese pages.
 */
function EnglishHeader({ frame, languageLink }: { frame: Frame; languageLink: string | null }) {
  return (
    <header class="site-header">
      {languageLink && <LanguageSwitch en href={languageLink} />}
      <Brand frame={frame} lang="vi" />
    </header>
  );
}

/** The site's emblem, name and header line, linking home. */
function Brand({ frame, lang }: { frame: Frame; lang?: string }) {
  const { site } = frame;
  return (
    <div class="brand">
      <a href="/" class="brand-link" lang={lang}>
        <Emblem frame={frame} />
        <span class="brand-text">
          <span class="brand-name">{site.name}</span>
          <span class="brand-tagline">{site.settings.tagline}</span>
        </span>
      </a>
    </div>
  );
}

/**
 * Where the header's link to the other language leads: the same page in that language when the
 * page has one (its hreflang alternate), otherwise that language's home — the English pages'
 * home on a Vietnamese page (none when no feature publishes English pages), "/" on an English one.
 */
function languageLinkOf(frame: Frame, meta: PageMeta): string | null {
  const en = meta.lang === 'en';
  const same = meta.alternates?.find((a) => a.hreflang === (en ? 'vi' : 'en'));
  if (same) return same.path;
  return en ? '/' : (frame.englishHome ?? null);
}

/** The link to the other language at the top of the header, named in that language. */
function LanguageSwitch({ en, href }: { en: boolean; href: string }) {
  return (
    <p class="lang-switch">
      {en ? <a href={href} hreflang="vi" lang="vi">Tiếng Việt</a> : <a href={href} hreflang="en" lang="en">English</a>}
    </p>
  );
}

function Breadcrumb({ crumbs, label = 'Đường dẫn' }: { crumbs: Crumb[]; label?: string }) {
  return (
    <nav class="breadcrumb" aria-label={label}>
      <ol>
        {crumbs.map((c, i) => (
          <li>
            {i === crumbs.length - 1 ? <span aria-current="page">{c.name}</span> : <a href={c.href}>{c.name}</a>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function breadcrumbLd(origin: string, crumbs: Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: origin + c.href })),
  };
}
