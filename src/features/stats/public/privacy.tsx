import type { FastifyInstance } from 'fastify';
import { frameFor, htmlPage } from '../../../kernel/http/render.js';
import { cached } from '../../../kernel/http/cached.js';
import type { Frame } from '../../../kernel/views/public/frame.js';
import { Layout } from '../../../kernel/views/public/layout.js';

export const PRIVACY_PATH = '/thong-ke';

/** The public note on how visits are counted (linked from the statistics widget). */
export async function privacyRoute(app: FastifyInstance): Promise<void> {
  app.get(PRIVACY_PATH, cached(app, async (request) => htmlPage(<PrivacyPage frame={await frameFor(app.cong, request)} referrerDays={app.cong.config.statsReferrerRetentionDays} />)));
}

function PrivacyPage({ frame, referrerDays }: { frame: Frame; referrerDays: number }) {
  const title = 'Thống kê truy cập và quyền riêng tư';
  return (
    <Layout frame={frame} meta={{ title, canonicalPath: PRIVACY_PATH }} crumbs={[{ name: 'Trang chủ', href: '/' }, { name: title, href: PRIVACY_PATH }]}>
      <article class="article">
        <h1 class="article-title">{title}</h1>
        <div class="article-body">
          <p>Trang thông tin đếm lượt truy cập để biết bạn đọc quan tâm đến nội dung nào, mà không theo dõi từng người.</p>
          <ul>
            <li>Chúng tôi không lưu địa chỉ IP, không lưu thông tin trình duyệt của bạn và không dùng cookie để đếm lượt truy cập.</li>
            <li>Để không đếm một người nhiều lần trong ngày, máy chủ tạo một mã ngẫu nhiên từ địa chỉ IP, trình duyệt và một chuỗi bí mật đổi mới mỗi ngày. Chuỗi bí mật bị xoá sau 48 giờ, khi đó không ai có thể biết mã thuộc về ai.</li>
            <li>Chỉ lưu các con số tổng hợp: số lượt xem theo ngày, theo bài viết, trang web dẫn đến (chỉ tên miền, giữ {new Intl.NumberFormat('vi-VN').format(referrerDays)} ngày) và loại thiết bị (điện thoại, máy tính bảng, máy tính).</li>
            <li>Các chương trình tự động (máy tìm kiếm, công cụ thu thập dữ liệu) và các lần trình duyệt tải trước trang không được tính.</li>
          </ul>
          <p>Cách làm này tuân theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.</p>
        </div>
      </article>
    </Layout>
  );
}
