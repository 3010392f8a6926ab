import type { Frame } from './frame.js';

/** The right-hand column of every page: the sections, then each feature's blocks in order. */
export function Sidebar({ frame, current }: { frame: Frame; current?: string }) {
  return (
    <aside class="sidebar" aria-label="Tiện ích">
      <SectionsWidget frame={frame} />
      {frame.sidebar.map((block) => block.render(frame, current))}
    </aside>
  );
}

/** The path of the hub page that groups the disclosure sections. */
export const DISCLOSURE_HUB = '/cong-khai-minh-bach';

/**
 * Links to the sections every ward portal publishes (documents, schedule, Q&A, procedures…), then
 * those the law makes it disclose, in their own block headed by the hub page.
 */
export function SectionsWidget({ frame }: { frame: Frame }) {
  const general = frame.sections.filter((s) => s.group !== 'disclosure');
  const disclosure = frame.sections.filter((s) => s.group === 'disclosure');
  return (
    <>
      <section class="widget widget-sections" aria-labelledby="w-sections">
        <h2 id="w-sections" class="widget-title">Thông tin chính quyền</h2>
        <ul class="section-links">
          {general.map((s) => (
            <li><a href={s.path}>{s.label}</a></li>
          ))}
        </ul>
      </section>
      {disclosure.length > 0 && (
        <section class="widget widget-sections" aria-labelledby="w-disclosure">
          <h2 id="w-disclosure" class="widget-title"><a href={DISCLOSURE_HUB}>Công khai – minh bạch</a></h2>
          <ul class="section-links">
            {disclosure.map((s) => (
              <li><a href={s.path}>{s.label}</a></li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
