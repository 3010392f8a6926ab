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

/** Links to the sections every ward portal publishes (documents, schedule, Q&A, procedures…). */
export function SectionsWidget({ frame }: { frame: Frame }) {
  return (
    <section class="widget widget-sections" aria-labelledby="w-sections">
      <h2 id="w-sections" class="widget-title">Thông tin chính quyền</h2>
      <ul class="section-links">
        {frame.sections.map((s) => (
          <li><a href={s.path}>{s.label}</a></li>
        ))}
      </ul>
    </section>
  );
}
