import { telHref } from '../../disclosure/fields.js';
import { HOTLINES_PATH, type Hotline } from '../lines.js';

export function HotlineList({ hotlines }: { hotlines: Hotline[] }) {
  return (
    <ul class="hotlines">
      {hotlines.map((h) => (
        <li><span class="hotline-label">{h.label}:</span> <a class="hotline-number" href={telHref(h.number)}>{h.number}</a></li>
      ))}
    </ul>
  );
}

/** The sidebar block of every page: each line a tel: link, so a phone dials it in one tap. */
export function HotlinesWidget({ hotlines }: { hotlines: Hotline[] }) {
  if (!hotlines.length) return null;
  return (
    <section class="widget widget-hotlines" aria-labelledby="w-hotlines">
      <h2 id="w-hotlines" class="widget-title"><a href={HOTLINES_PATH}>Đường dây nóng</a></h2>
      <HotlineList hotlines={hotlines} />
    </section>
  );
}
