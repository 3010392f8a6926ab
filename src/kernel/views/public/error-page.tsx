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

/**
 * When the site's frame cannot be read (the database is out of reach): the message alone, on a
 * page that needs nothing but itself.
 */
export function BareErrorPage({ siteName, message }: { siteName: string; message: string }) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`Tạm gián đoạn – ${siteName}`}</title>
      </head>
      <body>
        <main>
          <h1>{siteName}</h1>
          <p>{message}</p>
        </main>
      </body>
    </html>
  );
}
