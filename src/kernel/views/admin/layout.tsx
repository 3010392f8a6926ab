import type { ComponentChildren } from 'preact';
import type { Site } from '../../sites/site.js';
import type { AssetManifest } from '../../http/assets.js';
import type { Actor } from '../../access/actor.js';
import { Csrf } from './forms.js';

export interface AdminFrame {
  site: Site;
  assets: AssetManifest;
  actor: Actor | null;
  csrf: string;
  /** The current path, to mark the menu entry. */
  path: string;
  /** The back-office menu this person sees on this site (derived from the features). */
  nav: { href: string; label: string }[];
}

export function AdminLayout({ frame, title, children, scripts }: { frame: AdminFrame; title: string; children: ComponentChildren; scripts?: string[] }) {
  const { site, assets, actor } = frame;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} - Quản trị - ${site.name}`}</title>
        <link rel="icon" href={assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.url('admin.css')} />
        <script type="module" src={assets.url('admin.js')} />
        {scripts?.map((s) => <script type="module" src={assets.url(s)} />)}
      </head>
      <body class="admin">
        <a class="skip-link" href="#noi-dung">Bỏ qua đến nội dung chính</a>
        <header class="admin-header">
          <a class="admin-brand" href="/quan-tri">
            <span class="admin-brand-name">{site.name}</span>
            <span class="admin-brand-sub">Trang quản trị</span>
          </a>
          {actor && (
            <div class="admin-user">
              <a href="/quan-tri/tai-khoan">{actor.displayName}</a>
              <form method="post" action="/quan-tri/dang-xuat">
                <Csrf token={frame.csrf} />
                <button type="submit" class="link-button">Đăng xuất</button>
              </form>
              <a href="/" class="view-site">Xem trang công khai</a>
            </div>
          )}
        </header>
        <div class="admin-body">
          {actor && (
            <nav class="admin-nav" aria-label="Trình đơn quản trị">
              <ul>
                {frame.nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={isCurrent(frame.path, item.href) ? 'page' : undefined}>{item.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <main id="noi-dung" tabIndex={-1} class="admin-main">
            {site.archivedAt && <p class="notice archive-notice" role="note">Trang này là trang lưu trữ: nội dung chỉ còn để đọc, không thêm, sửa hay xóa được.</p>}
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}

function isCurrent(path: string, href: string): boolean {
  return href === '/quan-tri' ? path === '/quan-tri' : path === href || path.startsWith(`${href}/`);
}
