import sharp from 'sharp';

/** Markers that must not survive in a stored file. */
export const SECRETS = { comment: 'BINH-LUAN-AN toa do 18.4 105.7', xmp: 'XMP-AN-Nguyen-Van-A', exif: 'EXIF-AN-GPS' };

/** `frames` frames of width × height, each a different colour (identical frames would be merged). */
function frames(width: number, height: number, count: number): Buffer {
  const raw = Buffer.alloc(width * height * count * 4);
  for (let i = 0; i < raw.length; i += 4) {
    const frame = Math.floor(i / 4 / width / height);
    raw.set([(frame * 37) % 256, (frame * 91) % 256, 40, 255], i);
  }
  return raw;
}

const raw = (width: number, height: number, count: number) =>
  sharp(frames(width, height, count), { raw: { width, height: height * count, channels: 4, pageHeight: height } });

/** One GIF extension block: introducer, label, then the data in sub-blocks of ≤ 255 bytes. */
function extension(label: number, data: Buffer, head?: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x21, label])];
  if (head) parts.push(Buffer.from([head.length]), head);
  for (let i = 0; i < data.length; i += 255) {
    const chunk = data.subarray(i, i + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/**
 * An animated GIF made by sharp, then given by hand what a camera or editor leaves in one: a
 * comment extension, an XMP application extension and an EXIF-like application extension,
 * inserted before the first frame (after the header and the global colour table).
 */
export async function animatedGifWithMetadata(count: number, width = 40, height = 30, delay = 120): Promise<Buffer> {
  const gif = await raw(width, height, count).gif({ loop: 0, delay: Array(count).fill(delay) }).toBuffer();
  const packed = gif[10]!;
  const start = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const xmp = Buffer.from(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description dc:creator="${SECRETS.xmp}"/></rdf:RDF></x:xmpmeta>`);
  const blocks = Buffer.concat([
    extension(0xfe, Buffer.from(SECRETS.comment)),
    extension(0xff, xmp, Buffer.from('XMP DataXMP')),
    extension(0xff, Buffer.from(`Exif\0\0${SECRETS.exif}`), Buffer.from('EXIFDataEXI')),
  ]);
  return Buffer.concat([gif.subarray(0, start), blocks, gif.subarray(start)]);
}

/** An animated WebP with EXIF, XMP and an ICC profile, written by sharp. */
export const animatedWebpWithMetadata = (count: number, width = 40, height = 30) =>
  raw(width, height, count)
    .withExif({ IFD0: { Copyright: SECRETS.exif } })
    .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description dc:creator="${SECRETS.xmp}"/></rdf:RDF></x:xmpmeta>`)
    .withIccProfile('p3')
    .webp({ loop: 0, delay: Array(count).fill(120) })
    .toBuffer();

/**
 * An animated PNG: a still PNG whose chunks gain an acTL (animation control) chunk and a tEXt
 * comment. A palette PNG, smaller than any re-encode, so that keeping the original is tempting.
 */
export async function animatedPngWithComment(): Promise<Buffer> {
  let circles = '';
  for (let i = 0; i < 30; i++) circles += `<circle cx="${(i * 37) % 120}" cy="${(i * 53) % 120}" r="${6 + (i % 5) * 4}" fill="rgb(${(i * 37) % 255},${(i * 71) % 255},90)"/>`;
  const png = await sharp({ create: { width: 120, height: 120, channels: 3, background: { r: 10, g: 120, b: 60 } } })
    .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120">${circles}</svg>`) }])
    .png({ palette: true, colours: 8, compressionLevel: 9 })
    .toBuffer();
  const { crc32 } = await import('node:zlib');
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(1, 0);
  const ihdrEnd = 8 + 25;
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk('acTL', actl), chunk('tEXt', Buffer.from(`Comment\0${SECRETS.comment}`, 'latin1')), png.subarray(ihdrEnd)]);
}
