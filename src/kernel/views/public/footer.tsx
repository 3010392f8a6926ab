import type { Frame } from './frame.js';
import { urls } from '../../http/urls.js';

/** The publisher information Vietnamese law requires on every page of an e-portal. */
export function SiteFooter({ frame }: { frame: Frame }) {
  const p = frame.site.settings.publisher;
  return (
    <footer class="site-footer">
      <div class="footer-inner">
        <p class="footer-title">{frame.site.name}</p>
        <dl class="publisher">
          <div><dt>Cơ quan chủ quản:</dt> <dd>{p.agency}</dd></div>
          <div><dt>Địa chỉ:</dt> <dd>{p.address}</dd></div>
          <div><dt>Điện thoại:</dt> <dd><a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a></dd></div>
          <div><dt>Email:</dt> <dd><a href={`mailto:${p.email}`}>{p.email}</a></dd></div>
          <div><dt>Chịu trách nhiệm chính:</dt> <dd>{p.responsible}</dd></div>
        </dl>
        <p class="licence">{p.licence}</p>
        <ul class="footer-links">
          {frame.pages.map((pg) => <li><a href={urls.page(pg.slug)}>{pg.title}</a></li>)}
          <li><a href={urls.map()}>Bản đồ</a></li>
          <li><a href={urls.feed()}>RSS</a></li>
          <li><a href={urls.siteMap()}>Sơ đồ trang</a></li>
        </ul>
      </div>
    </footer>
  );
}
