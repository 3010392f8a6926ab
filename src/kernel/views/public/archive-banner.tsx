import type { Frame, SuccessorLink } from './frame.js';
import { formatDate } from '../../lib/format.js';

/**
 * The first thing on every page of an archived site (issue 14): since when it is no longer kept
 * up to date and where the news is published now, from the site's own data. Plain HTML and CSS,
 * so it shows without JavaScript and wraps on a phone.
 */
export function ArchiveBanner({ frame }: { frame: Frame }) {
  const { site, successors } = frame;
  if (!site.archivedAt) return null;
  return (
    <aside class="archive-banner" aria-label="Trang lưu trữ" lang="vi">
      <p>
        <strong>Trang lưu trữ</strong> – {site.name} ngừng cập nhật từ ngày {formatDate(site.archivedAt)}.
        {successors.length > 0 && <> Thông tin mới được đăng trên <SuccessorList successors={successors} />.</>}
      </p>
    </aside>
  );
}

/** "A", "A và B", "A, B và C". */
function SuccessorList({ successors }: { successors: SuccessorLink[] }) {
  return (
    <>
      {successors.map((s, i) => (
        <>
          {i > 0 && (i === successors.length - 1 ? ' và ' : ', ')}
          <a href={s.href}>{s.name}</a>
        </>
      ))}
    </>
  );
}
