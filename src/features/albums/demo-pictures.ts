import type { Db } from '../../kernel/db/connection.js';
import { searchFold } from '../../kernel/lib/text.js';
import type { MediaStorage } from '../../kernel/storage/media-storage.js';
import { EXT_OF, processImage } from '../media/images.js';
import { TYPES_BY_EXT } from '../media/sniff.js';
import { newStem, writeFiles } from '../media/storage.js';

/**
 * The demo's pictures, drawn at seed time (no photo is shipped or downloaded): simple landscapes
 * of the Hồng Lĩnh country — the mountain, rice fields, a river, the ward office — as SVG, turned
 * into JPEG by sharp and then through the library's own image pipeline, so they get the same
 * responsive sizes and WebP copies as an editor's upload. They are illustrations, and their alt
 * text says so.
 */
export interface Scene {
  sky: [string, string];
  hills: [string, string];
  ground: string;
  sun: boolean;
  /** What is in the foreground. */
  subject: 'office' | 'river' | 'field' | 'school' | 'market' | 'bridge';
}

export const SCENES: Scene[] = [
  { sky: ['#8ec5ff', '#e0f0ff'], hills: ['#2f7d4f', '#4e9f5f'], ground: '#9ccc65', sun: true, subject: 'office' },
  { sky: ['#ffb26b', '#ffe1b0'], hills: ['#5b6d3a', '#7b8f46'], ground: '#c5d86d', sun: true, subject: 'field' },
  { sky: ['#6fa8dc', '#cfe2f3'], hills: ['#3d6b4f', '#5f8f6a'], ground: '#8bc34a', sun: false, subject: 'river' },
  { sky: ['#a7d3f5', '#f1f8ff'], hills: ['#2e6b3d', '#568f52'], ground: '#aed581', sun: true, subject: 'school' },
  { sky: ['#f6a6b2', '#fde2e4'], hills: ['#4a6b3d', '#6b8f56'], ground: '#d4e157', sun: true, subject: 'market' },
  { sky: ['#7fb3d5', '#d6eaf8'], hills: ['#34623f', '#4f7f55'], ground: '#9ccc65', sun: false, subject: 'bridge' },
];

const W = 1200;
const H = 750;

function subjectSvg(s: Scene['subject']): string {
  switch (s) {
    case 'office':
      return `<rect x="420" y="420" width="360" height="170" fill="#f5f0e1"/><polygon points="400,425 600,340 800,425" fill="#b71c1c"/>
        <rect x="575" y="500" width="50" height="90" fill="#6d4c41"/>${[450, 510, 660, 720].map((x) => `<rect x="${x}" y="460" width="36" height="40" fill="#90caf9"/>`).join('')}
        <rect x="598" y="250" width="4" height="95" fill="#555"/><rect x="602" y="250" width="60" height="40" fill="#da251d"/><polygon points="632,258 636,270 648,270 638,277 642,289 632,281 622,289 626,277 616,270 628,270" fill="#ffde00"/>`;
    case 'river':
      return `<path d="M0 640 C 300 560, 500 700, 800 610 S 1100 560, 1200 600 L1200 750 L0 750 Z" fill="#4fa3d9"/><path d="M0 680 C 300 620, 500 740, 800 660 S 1100 620, 1200 650" stroke="#bbdefb" stroke-width="6" fill="none"/>`;
    case 'field':
      return Array.from({ length: 7 }, (_, i) => `<path d="M0 ${520 + i * 36} Q 600 ${490 + i * 40} 1200 ${520 + i * 36}" stroke="#7cb342" stroke-width="10" fill="none"/>`).join('') +
        `<circle cx="300" cy="500" r="14" fill="#fdd835"/><path d="M280 520 L320 520 L300 470 Z" fill="#f9a825"/>`;
    case 'school':
      return `<rect x="300" y="430" width="600" height="150" fill="#fff3e0"/><rect x="300" y="410" width="600" height="24" fill="#ef6c00"/>
        ${Array.from({ length: 8 }, (_, i) => `<rect x="${325 + i * 72}" y="460" width="40" height="50" fill="#81d4fa"/>`).join('')}<rect x="580" y="520" width="40" height="60" fill="#5d4037"/>`;
    case 'market':
      return Array.from({ length: 5 }, (_, i) => `<rect x="${140 + i * 190}" y="470" width="160" height="110" fill="#fff8e1"/><polygon points="${130 + i * 190},475 ${220 + i * 190},420 ${310 + i * 190},475" fill="${['#e53935', '#fb8c00', '#43a047', '#1e88e5', '#8e24aa'][i]}"/>`).join('');
    case 'bridge':
      return `<rect x="0" y="600" width="1200" height="150" fill="#4fa3d9"/><path d="M100 560 Q 600 380 1100 560" stroke="#c62828" stroke-width="18" fill="none"/>
        <rect x="80" y="556" width="1040" height="16" fill="#8d6e63"/>${Array.from({ length: 9 }, (_, i) => `<line x1="${200 + i * 100}" y1="560" x2="${200 + i * 100}" y2="${560 - Math.round(170 * Math.sin((Math.PI * (i + 1)) / 10))}" stroke="#c62828" stroke-width="5"/>`).join('')}`;
  }
}

export function sceneSvg(s: Scene): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${s.sky[0]}"/><stop offset="1" stop-color="${s.sky[1]}"/></linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  ${s.sun ? '<circle cx="960" cy="150" r="70" fill="#fff59d"/>' : '<ellipse cx="300" cy="140" rx="120" ry="40" fill="#ffffff" opacity=".8"/><ellipse cx="820" cy="110" rx="150" ry="45" fill="#ffffff" opacity=".7"/>'}
  <polygon points="0,470 180,260 330,380 520,200 700,360 880,240 1200,450 1200,750 0,750" fill="${s.hills[0]}"/>
  <polygon points="0,520 250,380 480,480 760,360 1000,470 1200,420 1200,750 0,750" fill="${s.hills[1]}"/>
  <rect x="0" y="540" width="${W}" height="${H - 540}" fill="${s.ground}"/>
  ${subjectSvg(s.subject)}
</svg>`;
}

/** Each scene is drawn and processed once per process: every demo site (and test) reuses it. */
const drawn = new Map<number, ReturnType<typeof draw>>();

async function draw(i: number) {
  const { default: sharp } = await import('sharp');
  // Drawn at 1200 × 750 and stored at 960 × 600: the 480 px copies still come out, at a third of
  // the seeding time of a full-size picture (every test process seeds the demo).
  const jpeg = await sharp(Buffer.from(sceneSvg(SCENES[i % SCENES.length]!))).resize(960).jpeg({ quality: 80 }).toBuffer();
  const img = await processImage(jpeg);
  if (!img.ok) throw new Error(`demo picture ${i}: ${img.error}`);
  return img;
}

/**
 * Stores scene `i` in a site's library the way an upload would be stored (stem, sizes, row), and
 * returns the media id.
 */
export async function storeScene(db: Db, media: MediaStorage, site: { id: number; code: string }, i: number, text: { title: string; alt: string }, now: Date): Promise<number> {
  let p = drawn.get(i);
  if (!p) drawn.set(i, (p = draw(i)));
  const img = await p;
  const originalName = `minh-hoa-${i + 1}.jpg`;
  const stem = newStem(site.code, originalName, now);
  const files = [img.main, ...img.variants].map((o) => ({ o, path: `${stem}${o.suffix}.${EXT_OF[o.format]}`, data: o.data, contentType: TYPES_BY_EXT[EXT_OF[o.format]]!.mime }));
  await writeFiles(media, files);
  const variants = files.slice(1).map((f) => ({ path: f.path, format: f.o.format, width: f.o.width, height: f.o.height, bytes: f.data.length }));
  const { id } = await db
    .insertInto('media')
    .values({
      site_id: site.id,
      kind: 'image',
      original_name: originalName,
      title: text.title,
      alt: text.alt,
      name_fold: searchFold(`${text.title} ${originalName}`),
      disk_path: files[0]!.path,
      mime: 'image/jpeg',
      bytes: files[0]!.data.length,
      width: img.width,
      height: img.height,
      variants: JSON.stringify(variants),
      uploaded_by: null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
