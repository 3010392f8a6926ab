import type { Db } from '../../src/kernel/db/connection.js';
import { buildTestApp, NAM_HONG_LINH, BAC_HONG_LINH } from '../helpers/app.js';
import type { TestDb } from '../helpers/db.js';

/** The app on the demo content (drafts of both sites seeded), the sites' ids, the demo drafts' ids. */
export async function setup(db: TestDb) {
  const app = await buildTestApp(db, { cacheSeconds: 60 });
  const site = async (host: string) => (await db.db.selectFrom('site_hosts').select('site_id').where('host', '=', host).executeTakeFirstOrThrow()).site_id;
  const siteId = await site(NAM_HONG_LINH);
  const otherSiteId = await site(BAC_HONG_LINH);
  const draft = async (like: string) => (await db.db.selectFrom('documents').select('id').where('title', 'like', like).executeTakeFirstOrThrow()).id;
  return {
    app, siteId, otherSiteId,
    openId: await draft('Dự thảo Kế hoạch chỉnh trang đô thị%'),
    closedId: await draft('Dự thảo Quy chế quản lý, sử dụng nhà văn hóa%'),
    theirsId: await draft('Dự thảo Phương án thu gom%'),
  };
}

export async function feedbackCount(db: Db, documentId: number): Promise<number> {
  return Number((await db.selectFrom('draft_feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', documentId).executeTakeFirstOrThrow()).n);
}

export const FEEDBACK = {
  ho_ten: 'Phạm Thị Hoa',
  email: '0905 123 456',
  co_quan: 'Hội Phụ nữ tổ dân phố 7',
  noi_dung: 'Đề nghị bố trí thêm thùng rác công cộng dọc tuyến phố văn minh.',
};
