import { loadActor } from '../../src/kernel/access/actor.js';
import { EMPTY_FORM, type ArticleForm } from '../../src/features/articles/input.js';
import type { CommandContext } from '../../src/kernel/commands.js';
import { saveArticle } from '../../src/features/articles/commands/save-article.js';
import { publishArticle } from '../../src/features/articles/commands/workflow.js';
import type { Db } from '../../src/kernel/db/connection.js';
import { PageCache } from '../../src/kernel/http/page-cache.js';
import type { SearchFilters, SearchResults } from '../../src/features/search/engine.js';
import { engineOf } from '../../src/features/search/indexer.js';
import { parseQuery } from '../../src/kernel/search/query.js';
import { SiteResolver } from '../../src/kernel/sites/resolver.js';
import { makeUser } from '../helpers/admin.js';

/** A system administrator's command context on a site, at a given time. */
export async function commandContext(db: Db, host: string, now = new Date()): Promise<CommandContext> {
  const sites = new SiteResolver(db);
  await sites.reload();
  const username = `qtv${Math.random().toString(36).slice(2, 8)}`;
  const id = await makeUser(db, username, [], true);
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { db, site: sites.resolve(host)!, actor: await loadActor(db, user), now, cache: new PageCache(60_000) };
}

export interface NewArticle {
  title: string;
  sapo?: string;
  body?: string;
  category?: string;
  /** ISO time it is published at. */
  at: string;
}

/** Writes a draft and publishes it through the commands, i.e. through the indexing code path. */
export async function publishNew(cx: CommandContext, a: NewArticle): Promise<number> {
  const category = await cx.db
    .selectFrom('categories')
    .select('id')
    .where('site_id', '=', cx.site.id)
    .where('slug', '=', a.category ?? 'tin-tuc-su-kien')
    .executeTakeFirstOrThrow();
  const form: ArticleForm = { ...EMPTY_FORM, title: a.title, sapo: a.sapo ?? '', body: a.body ?? '<p>Nội dung.</p>', category_id: String(category.id) };
  const at = { ...cx, now: new Date(a.at) };
  const saved = await saveArticle(at, null, form);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const published = await publishArticle(at, saved.value, null);
  if (!published.ok) throw new Error(JSON.stringify(published.errors));
  return saved.value;
}

/** The test articles the behaviour list needs, on the town site, oldest first. */
export const EXTRA: Record<string, NewArticle> = {
  roses: { title: 'Hoa hồng nở rộ, du khách khắp Việt Nam đổ về', body: '<p>Mùa hoa hồng năm nay thu hút du khách từ khắp nơi trên cả nước Việt Nam.</p>', at: '2026-03-01T01:00:00.000Z' },
  decision: { title: 'Phê duyệt kế hoạch cải cách hành chính năm 2026', body: '<p>Căn cứ Quyết định số 123/QĐ-UBND ngày 05/3/2026 của UBND phường, các bộ phận triển khai kế hoạch.</p>', category: 'chinh-quyen', at: '2026-03-05T02:00:00.000Z' },
  irrigation: { title: 'Nạo vét kênh mương, chủ động công tác thuỷ lợi vụ Đông', body: '<p>Các tổ dân phố ra quân nạo vét kênh mương nội đồng.</p>', at: '2026-03-06T02:00:00.000Z' },
  mediation: { title: 'Tổ hoà giải thôn Thuận Hoà giúp dân giữ tình làng nghĩa xóm', body: '<p>Tổ hoà giải đã giải quyết nhiều vụ việc ngay tại cơ sở.</p>', at: '2026-03-07T02:00:00.000Z' },
  fire: { title: 'Diễn tập phương án dập tắt đám lửa tại khu chợ', body: '<p>Lực lượng phòng cháy chữa cháy phối hợp diễn tập.</p>', at: '2026-03-08T02:00:00.000Z' },
  rice: { title: 'Nông dân phơi lúa trên đường làng', body: '<p>Vụ mùa bội thu, bà con tranh thủ nắng đẹp.</p>', at: '2026-03-09T02:00:00.000Z' },
  durianTitle: { title: 'Nông dân trồng sầu riêng trên đất đồi', body: '<p>Mô hình cho thu nhập khá.</p>', at: '2026-03-10T02:00:00.000Z' },
  durianBody: { title: 'Mô hình kinh tế vườn đồi cho thu nhập cao', body: '<p>Nhiều hộ chuyển sang trồng sầu riêng, bưởi Phúc Trạch.</p>', at: '2026-03-11T02:00:00.000Z' },
  cakeOld: { title: 'Hội thi gói bánh chưng đón Tết', body: '<p>Hội thi thu hút các tổ dân phố.</p>', at: '2025-01-20T02:00:00.000Z' },
  cakeNew: { title: 'Hội thi gói bánh chưng đón Xuân', body: '<p>Hội thi thu hút các tổ dân phố.</p>', at: '2026-01-20T02:00:00.000Z' },
  skilful: { title: 'Khéo léo trong công tác vận động ở khu dân cư', body: '<p>Cán bộ dân vận gần dân, hiểu dân.</p>', at: '2026-03-12T02:00:00.000Z' },
};

export async function addExtraArticles(db: Db, host: string): Promise<Record<keyof typeof EXTRA, number>> {
  const cx = await commandContext(db, host);
  const ids: Record<string, number> = {};
  for (const [key, a] of Object.entries(EXTRA)) ids[key] = await publishNew(cx, a);
  return ids as Record<keyof typeof EXTRA, number>;
}

/** A fixed clock after every article, so that every run sees the same published set. */
export const NOW = new Date('2026-12-01T00:00:00.000Z');

export async function search(db: Db, siteId: number, text: string, filters: Partial<SearchFilters> = {}, page = 1): Promise<SearchResults> {
  const q = parseQuery(text);
  if (q.kind !== 'ok') throw new Error(`not a query: ${text}`);
  return engineOf(db).search(db, siteId, q, { now: NOW, ...filters }, page);
}

export async function ids(db: Db, siteId: number, text: string, filters: Partial<SearchFilters> = {}): Promise<number[]> {
  const r = await search(db, siteId, text, filters);
  const out = r.hits.map((h) => h.id);
  for (let p = 2; p <= r.pages; p++) out.push(...(await search(db, siteId, text, filters, p)).hits.map((h) => h.id));
  return out;
}
