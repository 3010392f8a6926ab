import type { Frame } from '../../../kernel/views/public/frame.js';
import { srcsetFor } from '../../media/present.js';
import { urls } from '../../../kernel/http/urls.js';
import { telHref } from '../input.js';
import { ORG_PAGES } from '../paths.js';
import type { PersonView, UnitNode } from '../repo.js';
import type { OrgAgencyRow, OrgUnitRow } from '../../../kernel/db/tables/organisation.js';
import { OrgShell } from './shell.js';
import { STRINGS } from './strings.js';
import { Txt, TxtBlocks, type Lang } from './text.js';

/** The four public pages of the section; the same components render Vietnamese and English. */

export function OverviewPage({ frame, lang, agency }: { frame: Frame; lang: Lang; agency: OrgAgencyRow }) {
  const s = STRINGS[lang];
  return (
    <OrgShell frame={frame} lang={lang} page="overview" agency={agency} title={s.overviewTitle}>
      <p class="org-agency-name"><strong><Txt lang={lang} vi={agency.name} en={agency.name_en} /></strong></p>
      <section aria-labelledby="org-duties">
        <h2 id="org-duties">{s.duties}</h2>
        {agency.duties || agency.duties_en ? <TxtBlocks lang={lang} vi={agency.duties} en={agency.duties_en} /> : <p class="empty">{s.noDuties}</p>}
      </section>
      <section aria-labelledby="org-contact">
        <h2 id="org-contact">{s.contactInfo}</h2>
        <ContactList lang={lang} agency={agency} />
      </section>
      <section aria-labelledby="org-more">
        <h2 id="org-more">{s.more}</h2>
        <ul class="org-more">
          <li><a href={ORG_PAGES.chart[lang]}>{s.chart}</a></li>
          <li><a href={ORG_PAGES.leaders[lang]}>{s.leaders}</a></li>
          <li><a href={ORG_PAGES.contact[lang]}>{s.contact}</a></li>
        </ul>
      </section>
    </OrgShell>
  );
}

export function ChartPage({ frame, lang, agency, tree, leadership }: { frame: Frame; lang: Lang; agency: OrgAgencyRow; tree: UnitNode[]; leadership: PersonView[] }) {
  const s = STRINGS[lang];
  return (
    <OrgShell frame={frame} lang={lang} page="chart" agency={agency} title={s.chart}>
      <p class="muted">{s.chartLead}</p>
      <div class="org-chart">
        <ul class="org-tree">
          <li>
            <div class="org-node org-root">
              <h2 class="org-node-name"><Txt lang={lang} vi={agency.name} en={agency.name_en} /></h2>
              <PeopleList lang={lang} people={leadership} />
            </div>
            {tree.length ? <UnitList lang={lang} nodes={tree} level={3} /> : <p class="empty">{s.noUnits}</p>}
          </li>
        </ul>
      </div>
    </OrgShell>
  );
}

function UnitList({ lang, nodes, level }: { lang: Lang; nodes: UnitNode[]; level: number }) {
  const s = STRINGS[lang];
  const H = `h${Math.min(level, 6)}` as 'h3';
  return (
    <ul>
      {nodes.map((n) => (
        <li>
          <div class="org-node">
            <H class="org-node-name"><Txt lang={lang} vi={n.unit.name} en={n.unit.name_en} /></H>
            <PeopleList lang={lang} people={n.people} />
            {(n.unit.phone || n.unit.email) && (
              <p class="org-node-contact">
                {n.unit.phone && <>{s.phone}: <a href={telHref(n.unit.phone)}>{n.unit.phone}</a></>}
                {n.unit.phone && n.unit.email && <br />}
                {n.unit.email && <>{s.email}: <a href={`mailto:${n.unit.email}`}>{n.unit.email}</a></>}
              </p>
            )}
          </div>
          {n.children.length > 0 && <UnitList lang={lang} nodes={n.children} level={level + 1} />}
        </li>
      ))}
    </ul>
  );
}

function PeopleList({ lang, people }: { lang: Lang; people: PersonView[] }) {
  if (!people.length) return null;
  return (
    <ul class="org-people">
      {people.map((p) => (
        <li><span class="org-post"><Txt lang={lang} vi={p.post} en={p.post_en} />:</span> <span lang={lang === 'en' ? 'vi' : undefined}>{p.full_name}</span></li>
      ))}
    </ul>
  );
}

export function LeadersPage({ frame, lang, agency, leaders, units }: { frame: Frame; lang: Lang; agency: OrgAgencyRow; leaders: PersonView[]; units: OrgUnitRow[] }) {
  const s = STRINGS[lang];
  const unitOf = new Map(units.map((u) => [u.id, u]));
  return (
    <OrgShell frame={frame} lang={lang} page="leaders" agency={agency} title={s.leaders}>
      {leaders.length ? (
        <ul class="leaders">
          {leaders.map((p) => {
            const unit = p.unit_id === null ? undefined : unitOf.get(p.unit_id);
            return (
              <li class="leader">
                <Portrait lang={lang} person={p} />
                <div class="leader-text">
                  <h2 class="leader-name" lang={lang === 'en' ? 'vi' : undefined}>{p.full_name}</h2>
                  <p class="leader-post"><Txt lang={lang} vi={p.post} en={p.post_en} /></p>
                  {unit && <p class="leader-unit">{s.unit}: <Txt lang={lang} vi={unit.name} en={unit.name_en} /></p>}
                  {(p.phone || p.email) && (
                    <dl class="org-contact">
                      {p.phone && <div><dt>{s.phone}:</dt> <dd><a href={telHref(p.phone)}>{p.phone}</a></dd></div>}
                      {p.email && <div><dt>{s.email}:</dt> <dd><a href={`mailto:${p.email}`}>{p.email}</a></dd></div>}
                    </dl>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty">{s.noLeaders}</p>
      )}
    </OrgShell>
  );
}

/** The person's photo from the media library, or a neutral silhouette (decorative, no text). */
function Portrait({ lang, person }: { lang: Lang; person: PersonView }) {
  if (!person.photo_path || !person.photo_mime) {
    return (
      <span class="portrait portrait-none" aria-hidden="true">
        <svg viewBox="0 0 64 80" focusable="false"><circle cx="32" cy="28" r="14" /><path d="M6 80c0-17 12-28 26-28s26 11 26 28z" /></svg>
      </span>
    );
  }
  const img = srcsetFor({ disk_path: person.photo_path, mime: person.photo_mime, width: person.photo_width, height: person.photo_height, variants: person.photo_variants ?? '[]' }, '160px');
  return (
    <img
      class="portrait"
      src={img.src}
      srcset={img.srcset || undefined}
      sizes={img.srcset ? img.sizes : undefined}
      width={img.width || undefined}
      height={img.height || undefined}
      alt={STRINGS[lang].photoOf(person.full_name)}
      loading="lazy"
    />
  );
}

export function ContactPage({ frame, lang, agency, units }: { frame: Frame; lang: Lang; agency: OrgAgencyRow; units: OrgUnitRow[] }) {
  const s = STRINGS[lang];
  const reachable = units.filter((u) => u.phone || u.email);
  return (
    <OrgShell frame={frame} lang={lang} page="contact" agency={agency} title={s.contact}>
      <p class="org-agency-name"><strong><Txt lang={lang} vi={agency.name} en={agency.name_en} /></strong></p>
      <ContactList lang={lang} agency={agency} />
      {(agency.hours || agency.hours_en) && (
        <section aria-labelledby="org-hours">
          <h2 id="org-hours">{s.hours}</h2>
          <TxtBlocks lang={lang} vi={agency.hours} en={agency.hours_en} />
        </section>
      )}
      <p><a href={urls.map()} hreflang={lang === 'en' ? 'vi' : undefined}>{s.map}</a></p>
      {reachable.length > 0 && (
        <section aria-labelledby="org-units-contact">
          <h2 id="org-units-contact">{s.unitsContact}</h2>
          <ul class="org-units-contact">
            {reachable.map((u) => (
              <li>
                <strong><Txt lang={lang} vi={u.name} en={u.name_en} /></strong>
                {u.phone && <> · {s.phone}: <a href={telHref(u.phone)}>{u.phone}</a></>}
                {u.email && <> · {s.email}: <a href={`mailto:${u.email}`}>{u.email}</a></>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </OrgShell>
  );
}

function ContactList({ lang, agency }: { lang: Lang; agency: OrgAgencyRow }) {
  const s = STRINGS[lang];
  return (
    <dl class="org-contact">
      {agency.address && <div><dt>{s.address}:</dt> <dd><Txt lang={lang} vi={agency.address} en={agency.address_en} /></dd></div>}
      {agency.phone && <div><dt>{s.phone}:</dt> <dd><a href={telHref(agency.phone)}>{agency.phone}</a></dd></div>}
      {agency.fax && <div><dt>{s.fax}:</dt> <dd>{agency.fax}</dd></div>}
      {agency.email && <div><dt>{s.email}:</dt> <dd><a href={`mailto:${agency.email}`}>{agency.email}</a></dd></div>}
      {agency.website && <div><dt>{s.website}:</dt> <dd><a href={agency.website}>{agency.website}</a></dd></div>}
    </dl>
  );
}
