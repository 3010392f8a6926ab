import type { Frame } from './frame.js';
import { Layout } from './layout.js';

export function ErrorPage({ frame, status, message }: { frame: Frame; status: number; message: string }) {
  const title = status === 404 ? 'Không tìm thấy trang' : 'Đã có lỗi xảy ra';
  return (
    <Layout frame={frame} meta={{ title, canonicalPath: '/', noindex: true }}>
      <section class="error-page">
        <h1 class="page-title">{title}</h1>
        <p>{message}</p>
        <p>
          Mời bạn quay về <a href="/">trang chủ</a> hoặc chọn một chuyên mục trong trình đơn.
        </p>
      </section>
    </Layout>
  );
}
