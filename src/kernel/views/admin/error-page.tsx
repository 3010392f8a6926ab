import type { AssetManifest } from '../../http/assets.js';
import type { Site } from '../../sites/site.js';
import { AdminLayout } from './layout.js';

export function AdminErrorPage({ site, assets, status, message }: { site: Site; assets: AssetManifest; status: number; message: string }) {
  const title = status === 404 ? 'Không tìm thấy' : status === 403 ? 'Không có quyền' : 'Có lỗi xảy ra';
  return (
    <AdminLayout frame={{ site, assets, actor: null, csrf: '', path: '', nav: [] }} title={title}>
      <div class="auth-box">
        <h1>{title}</h1>
        <p role="alert">{message}</p>
        <p><a href="/quan-tri">Về trang quản trị</a></p>
      </div>
    </AdminLayout>
  );
}
