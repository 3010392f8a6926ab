import type { Metadata, Sharp, default as SharpModule } from 'sharp';

/**
 * The image pipeline: the header is read and the pixel budget checked before anything is
 * decoded; then one resize at a time (a 40-megapixel photo decodes to ~160 MB, so never
 * several at once), each in the original format and in WebP, metadata stripped (EXIF may hold
 * where a photo was taken), orientation applied. A re-encode that comes out larger than what
 * it replaces is dropped.
 */
let loaded: Promise<typeof SharpModule> | null = null;

/**
 * libvips (~20 MB resident) is loaded on the first upload, not at start: a worker that only
 * serves pages never needs it.
 */
function sharp(): Promise<typeof SharpModule> {
  loaded ??= import('sharp').then(({ default: s }) => {
    s.concurrency(1);
    s.cache(false);
    return s;
  });
  return loaded;
}

export const IMAGE_LIMITS = {
  /** Largest image accepted, in pixels (width × height). */
  maxPixels: 40_000_000,
  /** Responsive widths made when the original is wider. */
  widths: [480, 960, 1600] as number[],
};

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** One file produced from an upload. `suffix` is added to the stored name ("" = the main file). */
export interface ImageOutput {
  suffix: string;
  format: ImageFormat;
  width: number;
  height: number;
  data: Buffer;
}

export type ImageResult =
  | { ok: true; width: number; height: number; main: ImageOutput; variants: ImageOutput[] }
  | { ok: false; error: string };

export const EXT_OF: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };

const megapixels = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n / 1_000_000);

/** Reads only the header: no pixel is decoded here, whatever the header claims. */
export async function readImageHeader(input: Buffer): Promise<{ ok: true; meta: Metadata } | { ok: false; error: string }> {
  let meta: Metadata;
  try {
    meta = await (await sharp())(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, error: 'Không đọc được tệp ảnh: tệp bị hỏng hoặc không đúng định dạng.' };
  }
  if (!meta.width || !meta.height) return { ok: false, error: 'Không đọc được kích thước ảnh.' };
  const pixels = meta.width * (meta.pageHeight ?? meta.height);
  if (pixels > IMAGE_LIMITS.maxPixels) {
    return { ok: false, error: `Ảnh quá lớn (${megapixels(pixels)} megapixel); tối đa ${megapixels(IMAGE_LIMITS.maxPixels)} megapixel.` };
  }
  return { ok: true, meta };
}

function encode(pipeline: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 82, mozjpeg: true });
    case 'png':
      return pipeline.png({ compressionLevel: 9, adaptiveFiltering: true });
    case 'webp':
      return pipeline.webp({ quality: 80 });
    case 'gif':
      return pipeline.gif();
  }
}

async function render(input: Buffer, format: ImageFormat, width: number | null, suffix: string): Promise<ImageOutput> {
  let p = (await sharp())(input, { limitInputPixels: IMAGE_LIMITS.maxPixels }).rotate();
  if (width) p = p.resize({ width, withoutEnlargement: true });
  const { data, info } = await encode(p, format).toBuffer({ resolveWithObject: true });
  return { suffix, format, width: info.width, height: info.height, data };
}

/** Makes the stored main file and its responsive variants from an uploaded image. */
export async function processImage(input: Buffer): Promise<ImageResult> {
  const header = await readImageHeader(input);
  if (!header.ok) return header;
  const { meta } = header;
  const format = meta.format as ImageFormat;
  if (!(format in EXT_OF)) return { ok: false, error: 'Định dạng ảnh không được hỗ trợ.' };
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  const original: ImageOutput = { suffix: '', format, width, height, data: input };

  // Animations are kept as they are: resizing every frame costs far more than it saves.
  if ((meta.pages ?? 1) > 1) return { ok: true, width, height: meta.pageHeight ?? height, main: original, variants: [] };

  try {
    const reencoded = await render(input, format, null, '');
    // The original may be kept only when it carries nothing to strip and needs no rotation.
    const clean = !meta.exif && !meta.xmp && !meta.iptc && (meta.orientation ?? 1) === 1;
    const main = clean && input.length <= reencoded.data.length ? original : reencoded;
    const variants: ImageOutput[] = [];
    const keep = (v: ImageOutput) => {
      if (v.data.length < main.data.length) variants.push(v);
    };
    for (const w of IMAGE_LIMITS.widths.filter((x) => x < width)) {
      keep(await render(input, format, w, `-${w}`));
      if (format !== 'webp') keep(await render(input, 'webp', w, `-${w}`));
    }
    if (format !== 'webp') keep(await render(input, 'webp', null, ''));
    return { ok: true, width, height, main, variants };
  } catch {
    return { ok: false, error: 'Không xử lý được ảnh: tệp bị hỏng hoặc không đúng định dạng.' };
  }
}
