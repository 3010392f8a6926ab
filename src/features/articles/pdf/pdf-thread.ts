import { parentPort } from 'node:worker_threads';
import { bodyBlocks } from './blocks.js';
import { MissingFontError, pdfFonts } from './fonts.js';
import { renderArticlePdf, type PdfArticle } from './render-pdf.js';

/** One article to lay out: its body as stored (sanitized HTML), read into blocks on this thread. */
export interface PdfJob {
  id: number;
  fontDir: string;
  article: Omit<PdfArticle, 'body'> & { bodyHtml: string };
}

export type PdfAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string; missingFont: boolean };

/** The PDF thread (pdf-maker.ts starts it): takes jobs one at a time and answers each with its bytes or its error. */
parentPort?.on('message', (job: PdfJob) => {
  void make(job).then((answer) => {
    if ('pdf' in answer) parentPort!.postMessage(answer, [answer.pdf.buffer as ArrayBuffer]);
    else parentPort!.postMessage(answer);
  });
});

async function make({ id, fontDir, article }: PdfJob): Promise<PdfAnswer> {
  try {
    const fonts = await pdfFonts(fontDir);
    const { bodyHtml, ...rest } = article;
    const pdf = await renderArticlePdf({ ...rest, body: bodyBlocks(bodyHtml) }, fonts);
    return { id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
  } catch (err) {
    return { id, error: err instanceof Error ? err.message : String(err), missingFont: err instanceof MissingFontError };
  }
}
