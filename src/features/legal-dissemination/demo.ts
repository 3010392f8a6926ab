import type { DemoSeeder } from '../../kernel/feature.js';
import { localIsoDate } from '../../kernel/lib/format.js';
import { searchFold } from '../../kernel/lib/text.js';
import { documentUrls } from '../documents/urls.js';

const DAY = 86_400_000;

/** Topics linking the demo's own documents (seeded before): nothing is written twice. */
export const seedLegalTopics: DemoSeeder = async (db, { siteId, demo, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const stamp = now.toISOString();
  const docs = await db.selectFrom('documents').select(['id', 'slug', 'title']).where('site_id', '=', siteId).where('published', '=', 1).orderBy('id').limit(40).execute();
  const about = (word: RegExp, n: number) => {
    const hit = docs.filter((d) => word.test(searchFold(d.title)));
    return (hit.length ? hit : docs).slice(0, n);
  };
  const link = (d: { id: number; slug: string; title: string }) => `${d.title.slice(0, 150)} | ${documentUrls.document(d)}`;
  const topics: [number, string, string, string][] = [
    [3, 'Luật Đất đai năm 2024 và các văn bản hướng dẫn', 'Những điểm mới về cấp giấy chứng nhận quyền sử dụng đất, thu hồi đất, bồi thường, hỗ trợ, tái định cư mà người dân cần biết.', about(/\bdat\b/, 2).map(link).join('\n')],
    [20, 'Phòng, chống ma tuý và tệ nạn xã hội', 'Tài liệu tuyên truyền Luật Phòng, chống ma tuý năm 2021 tại khu dân cư, trường học.', about(/\b(ma tuy|an ninh|trat tu)\b/, 2).map(link).join('\n')],
  ];
  if (!demo.isDefault) topics.pop();
  await db
    .insertInto('disclosure_notices')
    .values(topics.map(([ago, title, body, links]) => ({ site_id: siteId, kind: 'legal-topic', title, body, day: localIsoDate(new Date(now.getTime() - ago * DAY)), deadline: '', links, created_at: stamp, updated_at: stamp })))
    .execute();
};
