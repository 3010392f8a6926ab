import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The two faces the PDF uses, read once per process. */
export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

/**
 * DejaVu Sans covers every Vietnamese letter, precomposed (NFC) as our text is. It comes from
 * Debian's fonts-dejavu-core (/usr/share/fonts/truetype/dejavu, the default of CONG_PDF_FONT_DIR);
 * the PDF embeds only the subset of glyphs it uses.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export class MissingFontError extends Error {}

const loaded = new Map<string, Promise<PdfFonts>>();

/** The fonts in `dir`; a MissingFontError naming the file and the package when one cannot be read. */
export function pdfFonts(dir: string): Promise<PdfFonts> {
  let p = loaded.get(dir);
  if (!p) {
    p = Promise.all([read(dir, FONT_FILES.regular), read(dir, FONT_FILES.bold)]).then(([regular, bold]) => ({ regular, bold }));
    // A failed read is not kept: the operator may install the package without a restart.
    p.catch(() => loaded.delete(dir));
    loaded.set(dir, p);
  }
  return p;
}

async function read(dir: string, file: string): Promise<Buffer> {
  const path = join(dir, file);
  try {
    return await readFile(path);
  } catch (err) {
    throw new MissingFontError(`PDF font ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}): install Debian's fonts-dejavu-core or set CONG_PDF_FONT_DIR to a folder holding ${FONT_FILES.regular} and ${FONT_FILES.bold}`);
  }
}
