import { melodyWav } from '../../kernel/demo/tones.js';
import type { DemoSeeder } from '../../kernel/feature.js';
import { searchFold, slugify } from '../../kernel/lib/text.js';
import { storeScene } from '../albums/demo-pictures.js';
import { newStem } from '../media/storage.js';

/**
 * DEMO DATA. Each live ward gets one YouTube video (click-to-load; the id is invented, nothing is
 * fetched at seed or run time, and the page never contacts YouTube until a reader clicks) and two
 * loudspeaker bulletins whose "recordings" are tone melodies written at seed time as WAV, like the
 * demo songs: no binary is shipped.
 */
interface DemoBulletin {
  title: string;
  airedOn: string;
  summary: string;
  melody: number[];
}

const BULLETINS: Record<string, DemoBulletin[]> = {
  namhonglinh: [
    {
      title: 'Bản tin phát thanh sáng thứ Hai, 23/11/2026',
      airedOn: '2026-11-23',
      summary: 'Phường Nam Hồng Lĩnh thông báo lịch tiêm chủng mở rộng tháng 12 tại Trạm Y tế phường.\nĐề nghị các hộ gia đình dọn vệ sinh môi trường, khơi thông cống rãnh trước mùa mưa lũ.\nNhắc nhở người dân không đốt rơm rạ sau thu hoạch.',
      melody: [523, 659, 784, 659, 523],
    },
    {
      title: 'Bản tin phòng chống thiên tai, 10/11/2026',
      airedOn: '2026-11-10',
      summary: 'Ban Chỉ huy phòng thủ dân sự phường thông tin về đợt mưa lớn dự báo từ ngày 12 đến 14/11.\nCác tổ dân phố kiểm tra nhà ở yếu, chuẩn bị phương án sơ tán; số điện thoại trực ban: 0239 3836 388.',
      melody: [440, 440, 392, 440, 523],
    },
  ],
  bachonglinh: [
    {
      title: 'Bản tin phát thanh tuần 47/2026',
      airedOn: '2026-11-20',
      summary: 'Phường Bắc Hồng Lĩnh triển khai thu thập, cập nhật dữ liệu dân cư.\nThông báo lịch tiếp công dân của Chủ tịch UBND phường vào thứ Năm hằng tuần.',
      melody: [392, 494, 587, 494, 392],
    },
    {
      title: 'Bản tin an toàn giao thông, 05/11/2026',
      airedOn: '2026-11-05',
      summary: 'Công an phường nhắc người dân đội mũ bảo hiểm, không sử dụng rượu bia khi tham gia giao thông.',
      melody: [349, 440, 523, 440, 349],
    },
  ],
};

const VIDEOS: Record<string, { title: string; youtubeId: string; recordedOn: string; summary: string; scene: number }> = {
  namhonglinh: {
    title: 'Phóng sự: Ngày hội Đại đoàn kết ở khu dân cư Nam Hồng Lĩnh',
    youtubeId: 'NamHongLnh1',
    recordedOn: '2026-11-18',
    summary: 'Phóng sự về Ngày hội Đại đoàn kết toàn dân tộc tại các tổ dân phố phường Nam Hồng Lĩnh.',
    scene: 4,
  },
  bachonglinh: {
    title: 'Giới thiệu phường Bắc Hồng Lĩnh sau sắp xếp đơn vị hành chính',
    youtubeId: 'BacHongLnh1',
    recordedOn: '2026-09-02',
    summary: 'Video giới thiệu phường Bắc Hồng Lĩnh, thành lập từ ngày 1/7/2025.',
    scene: 2,
  },
};

export const seedVideo: DemoSeeder = async (db, { siteId, demo, media, now }) => {
  if ((demo as { archived?: unknown }).archived) return;
  const code = demo.isDefault ? 'namhonglinh' : 'bachonglinh';
  const stamp = now.toISOString();
  const v = VIDEOS[code]!;
  const poster = await storeScene(db, media, { id: siteId, code: demo.code }, v.scene, { title: `Ảnh đại diện: ${v.title}`, alt: 'Tranh minh họa cho video' }, now);
  await db
    .insertInto('clips')
    .values({ site_id: siteId, kind: 'video', title: v.title, slug: slugify(v.title), summary: v.summary, youtube_id: v.youtubeId, media_id: null, poster_media_id: poster, recorded_on: v.recordedOn, published: 1, created_at: stamp, updated_at: stamp })
    .execute();
  for (const [i, b] of BULLETINS[code]!.entries()) {
    // Named like an upload (random stem): a name is never reused, even when sites are merged.
    const path = `${newStem(demo.code, `ban-tin-${i + 1}.wav`, now)}.wav`;
    const wav = melodyWav(b.melody);
    await media.put(path, wav, 'audio/wav');
    const { id: mediaId } = await db
      .insertInto('media')
      .values({ site_id: siteId, kind: 'audio', original_name: `ban-tin-${i + 1}.wav`, title: b.title, alt: '', name_fold: searchFold(b.title), disk_path: path, mime: 'audio/wav', bytes: wav.length, width: null, height: null, variants: '[]', uploaded_by: null, created_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('clips')
      .values({ site_id: siteId, kind: 'audio', title: b.title, slug: slugify(b.title), summary: b.summary, youtube_id: '', media_id: mediaId, poster_media_id: null, recorded_on: b.airedOn, published: 1, created_at: stamp, updated_at: stamp })
      .execute();
  }
};
