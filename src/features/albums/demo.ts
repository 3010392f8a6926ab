import type { DemoSeeder } from '../../kernel/feature.js';
import { slugify } from '../../kernel/lib/text.js';
import { storeScene } from './demo-pictures.js';

/** What each drawn scene shows (demo-pictures.ts SCENES, same order). */
const PICTURES = [
  { title: 'Trụ sở phường', alt: 'Tranh minh họa: trụ sở Ủy ban nhân dân phường mái đỏ dưới chân núi, cờ đỏ sao vàng tung bay' },
  { title: 'Cánh đồng lúa', alt: 'Tranh minh họa: cánh đồng lúa chín buổi chiều, xa xa là dãy núi Hồng Lĩnh' },
  { title: 'Dòng sông', alt: 'Tranh minh họa: dòng sông xanh uốn quanh chân núi' },
  { title: 'Trường học', alt: 'Tranh minh họa: dãy phòng học mái cam của trường tiểu học' },
  { title: 'Chợ phường', alt: 'Tranh minh họa: các gian hàng mái nhiều màu của chợ phường' },
  { title: 'Cầu qua sông', alt: 'Tranh minh họa: cây cầu vòm đỏ bắc qua sông' },
];

interface DemoAlbum {
  title: string;
  description: string;
  takenOn: string;
  photos: { scene: number; caption: string }[];
}

const ALBUMS: Record<string, DemoAlbum[]> = {
  namhonglinh: [
    {
      title: 'Phường Nam Hồng Lĩnh – cảnh quan và đời sống',
      description: 'Những góc quen thuộc của phường: trụ sở, cánh đồng, dòng sông và cây cầu nối đôi bờ.',
      takenOn: '2026-10-12',
      photos: [
        { scene: 0, caption: 'Trụ sở Ủy ban nhân dân phường Nam Hồng Lĩnh.' },
        { scene: 1, caption: 'Cánh đồng lúa vụ mùa trước ngày thu hoạch.' },
        { scene: 2, caption: 'Sông chảy qua khu dân cư phía nam phường.' },
        { scene: 5, caption: 'Cầu mới nối hai tổ dân phố, thông xe tháng 9/2026.' },
      ],
    },
    {
      title: 'Ngày hội Đại đoàn kết toàn dân tộc năm 2026',
      description: 'Các tổ dân phố tổ chức Ngày hội Đại đoàn kết toàn dân tộc nhân kỷ niệm ngày thành lập Mặt trận Tổ quốc Việt Nam (18/11).',
      takenOn: '2026-11-18',
      photos: [
        { scene: 4, caption: 'Gian hàng nông sản của các tổ dân phố.' },
        { scene: 3, caption: 'Học sinh tham gia văn nghệ chào mừng.' },
        { scene: 0, caption: 'Lễ khai mạc trước trụ sở phường.' },
      ],
    },
  ],
  bachonglinh: [
    {
      title: 'Bắc Hồng Lĩnh – quê hương dưới chân núi Hồng',
      description: 'Cảnh sắc phường Bắc Hồng Lĩnh qua bốn mùa.',
      takenOn: '2026-09-02',
      photos: [
        { scene: 2, caption: 'Dòng sông mùa nước trong.' },
        { scene: 1, caption: 'Đồng lúa chín vàng.' },
        { scene: 5, caption: 'Cây cầu qua sông, điểm hẹn của người dân buổi chiều.' },
      ],
    },
    {
      title: 'Lễ khai giảng năm học 2026 – 2027',
      description: 'Các trường trên địa bàn phường khai giảng năm học mới.',
      takenOn: '2026-09-05',
      photos: [
        { scene: 3, caption: 'Trường tiểu học sẵn sàng đón học sinh.' },
        { scene: 0, caption: 'Lãnh đạo phường dự lễ khai giảng.' },
        { scene: 4, caption: 'Phụ huynh đưa con đến trường.' },
      ],
    },
  ],
};

/** How many of the newest articles get a cover picture: the featured one and the home page's lists. */
const COVERED = 10;

/**
 * Pictures for the two live demo wards: the drawn scenes in each library, covers for the newest
 * articles (so the home page and the category lists show pictures), and two albums. The archived
 * former town gets nothing new.
 */
export const seedAlbums: DemoSeeder = async (db, { siteId, demo, media, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const albums = ALBUMS[demo.code] ?? ALBUMS[demo.isDefault ? 'namhonglinh' : 'bachonglinh']!;
  const site = { id: siteId, code: demo.code };
  const ids: number[] = [];
  for (const [i, p] of PICTURES.entries()) ids.push(await storeScene(db, media, site, i, p, now));

  const newest = await db
    .selectFrom('articles')
    .select(['id', 'featured'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'published')
    .orderBy('featured', 'desc')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(COVERED)
    .execute();
  for (const [i, a] of newest.entries()) {
    const scene = i % PICTURES.length;
    await db.updateTable('articles').set({ cover_media_id: ids[scene]!, cover_alt: PICTURES[scene]!.alt }).where('site_id', '=', siteId).where('id', '=', a.id).execute();
  }

  const stamp = now.toISOString();
  for (const a of albums) {
    const { id: albumId } = await db
      .insertInto('albums')
      .values({ site_id: siteId, title: a.title, slug: slugify(a.title), description: a.description, taken_on: a.takenOn, published: 1, created_at: stamp, updated_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, p] of a.photos.entries()) {
      await db
        .insertInto('album_photos')
        .values({ site_id: siteId, album_id: albumId, media_id: ids[p.scene]!, position: i + 1, caption: p.caption, alt: PICTURES[p.scene]!.alt })
        .execute();
    }
  }
};
