import type { Metadata, Sharp, default as SharpModule } from 'sharp';

/**
 * The image pipeline: the header is read and the pixel budget checked before anything is
 * decoded; then one resize at a time (a 40-megapixel photo decodes to ~160 MB, so never
 * several at once), each in the original format and in WebP, metadata stripped (EXIF may hold
 * where a photo was taken), orientation applied. A re-encode that comes out larger than what
 * it replaces is dropped. Animations (GIF, WebP) are capped in frames and in pixels over all
 * frames, and re-encoded whole; an animated PNG is stored as its still default image.
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
  /** Most frames of an animated GIF or WebP: more is a video, or a way to make us decode a lot. */
  maxFrames: 100,
  /** Largest animation, in pixels over all its frames (width × frame height × frames). */
  maxAnimationPixels: 60_000_000,
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
  const frames = meta.pages ?? 1;
  if (frames > 1) {
    if (frames > IMAGE_LIMITS.maxFrames) return { ok: false, error: `Ảnh động có ${frames} khung hình; tối đa ${IMAGE_LIMITS.maxFrames} khung hình.` };
    if (pixels * frames > IMAGE_LIMITS.maxAnimationPixels) {
      return { ok: false, error: `Ảnh động quá lớn (${megapixels(pixels * frames)} megapixel trên tất cả khung hình); tối đa ${megapixels(IMAGE_LIMITS.maxAnimationPixels)} megapixel.` };
    }
  }
  return { ok: true, meta };
}

/**
 * An animated PNG: libvips reads only its still default image, so the frames are never counted;
 * its re-encode (that one image, no metadata) is always stored instead.
 */
function isAnimatedPng(buf: Buffer): boolean {
  for (let at = 8; at + 8 <= buf.length; ) {
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'acTL') return true;
    if (type === 'IDAT') return false;
    at += 12 + buf.readUInt32BE(at);
  }
  return false;
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

/** Every frame re-encoded in its own format, with its delays and loop count: no EXIF, XMP, ICC profile or comment survives. */
async function renderAnimation(input: Buffer, format: ImageFormat, width: number, frameHeight: number): Promise<ImageOutput> {
  const p = (await sharp())(input, { animated: true, limitInputPixels: IMAGE_LIMITS.maxAnimationPixels });
  const { data } = await encode(p, format).toBuffer({ resolveWithObject: true });
  return { suffix: '', format, width, height: frameHeight, data };
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

  try {
    // Animations get no smaller widths (resizing every frame costs far more than it saves), but
    // are re-encoded all the same: their metadata, comments included, goes.
    if ((meta.pages ?? 1) > 1) {
      const frameHeight = meta.pageHeight ?? height;
      return { ok: true, width, height: frameHeight, main: await renderAnimation(input, format, width, frameHeight), variants: [] };
    }
    const reencoded = await render(input, format, null, '');
    // The original may be kept only when it carries nothing to strip, needs no rotation and is no animation.
    const clean = !meta.exif && !meta.xmp && !meta.iptc && !meta.icc && !meta.comments?.length && (meta.orientation ?? 1) === 1 && !(format === 'png' && isAnimatedPng(input));
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
