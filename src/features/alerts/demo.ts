import type { DemoSeeder } from '../../kernel/feature.js';

const DAY = 24 * 3600_000;

/**
 * One past notice on each live demo site, so the back office shows what one looks like. None is
 * in force: a storm warning on every page of the demo would mislead whoever looks at it.
 */
export const seedAlerts: DemoSeeder = async (db, { siteId, demo, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const starts = new Date(now.getTime() - 40 * DAY).toISOString();
  const ends = new Date(now.getTime() - 37 * DAY).toISOString();
  await db
    .insertInto('alerts')
    .values({
      site_id: siteId,
      batch: null,
      title: demo.isDefault ? 'Chủ động ứng phó bão số 12 và mưa lớn' : 'Lưu ý: tạm ngừng cấp nước để sửa chữa đường ống',
      body: demo.isDefault
        ? 'Người dân vùng trũng thấp ven sông chủ động di dời tài sản, không ra sông khi mưa lũ. Khi cần hỗ trợ, gọi Ban Chỉ huy phòng chống thiên tai phường hoặc số 112.'
        : 'Nước sinh hoạt tạm ngừng cấp từ 8 giờ đến 17 giờ tại các tổ dân phố 3, 4 và 5. Người dân chủ động dự trữ nước.',
      severity: demo.isDefault ? 'urgent' : 'advisory',
      link: '',
      starts_at: starts,
      ends_at: ends,
      start_purged: 1,
      end_purged: 1,
      created_by: null,
      created_at: starts,
      updated_at: starts,
    })
    .execute();
};
