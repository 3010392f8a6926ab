import PDFDocument from 'pdfkit';
import type { Block, Run } from './blocks.js';
import type { PdfFonts } from './fonts.js';

/** What the saved file holds: everything a reader keeps of the article, already formatted. */
export interface PdfArticle {
  siteName: string;
  title: string;
  /** "Thứ Sáu, 15/10/2021 08:30" */
  date: string;
  author: string;
  source: string;
  sapo: string;
  body: Block[];
  url: string;
  /** ISO times written into the document's information, so the same article gives the same bytes. */
  publishedAt: string;
  updatedAt: string;
}

const MARGIN = 56;
const TEXT = '#111111';
const MUTED = '#555555';
const ACCENT = '#8b1a1a';

/**
 * Lays the article out on A4 pages with pdfkit, in DejaVu Sans embedded as a subset. pdfkit works
 * synchronously (tens of milliseconds for a short article, a second for a very long one), so this
 * runs on the PDF thread (pdf-thread.ts), never on the event loop that answers requests.
 */
export async function renderArticlePdf(article: PdfArticle, fonts: PdfFonts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: fonts.regular as unknown as string,
    lang: 'vi-VN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: article.title,
      Author: article.author || article.siteName,
      Subject: article.sapo || article.title,
      Creator: article.siteName,
      Producer: 'Cổng',
      CreationDate: new Date(article.publishedAt),
      ModDate: new Date(article.updatedAt),
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font('bold').fontSize(9).fillColor(ACCENT).text(article.siteName.toUpperCase(), { width });
  doc.moveDown(0.6);
  doc.font('bold').fontSize(18).fillColor(TEXT).text(article.title, { width, lineGap: 2 });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(10).fillColor(MUTED).text(article.date, { width });
  doc.moveDown(0.8);
  if (article.sapo) {
    doc.font('bold').fontSize(11.5).fillColor(TEXT).text(article.sapo, { width, lineGap: 2, align: 'justify' });
    doc.moveDown(0.6);
  }

  for (const block of article.body) writeBlock(doc, block, width);

  doc.moveDown(0.4);
  if (article.author) doc.font('bold').fontSize(11).fillColor(TEXT).text(article.author, { width, align: 'right' });
  if (article.source) doc.font('regular').fontSize(10).fillColor(MUTED).text(`Nguồn: ${article.source}`, { width, align: 'right' });
  doc.moveDown(1);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.moveDown(0.5);
  doc.font('regular').fontSize(9).fillColor(MUTED).text('Địa chỉ bài viết:', { width });
  doc.fontSize(8.5).fillColor(ACCENT).text(article.url, { width, link: article.url });

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function writeBlock(doc: PDFKit.PDFDocument, block: Block, width: number): void {
  switch (block.kind) {
    case 'heading': {
      doc.moveDown(0.4);
      const size = block.level === 2 ? 14 : block.level === 3 ? 12.5 : 11.5;
      writeRuns(doc, block.runs, { x: MARGIN, width, size, color: ACCENT, allBold: true });
      doc.moveDown(0.3);
      return;
    }
    case 'item': {
      const indent = 14 * block.level;
      const top = doc.y;
      doc.font('regular').fontSize(11).fillColor(TEXT).text(block.marker ?? '•', MARGIN + indent - 12, top, { width: 12, lineBreak: false });
      doc.y = top;
      writeRuns(doc, block.runs, { x: MARGIN + indent + 4, width: width - indent - 4, size: 11, color: TEXT });
      doc.moveDown(0.2);
      return;
    }
    case 'quote':
      writeRuns(doc, block.runs, { x: MARGIN + 20, width: width - 40, size: 11, color: MUTED });
      doc.moveDown(0.5);
      return;
    case 'caption':
      writeRuns(doc, block.runs, { x: MARGIN, width, size: 9.5, color: MUTED, align: 'center' });
      doc.moveDown(0.5);
      return;
    case 'row':
      writeRuns(doc, block.runs, { x: MARGIN, width, size: 10, color: TEXT });
      doc.moveDown(0.15);
      return;
    default:
      writeRuns(doc, block.runs, { x: MARGIN, width, size: 11, color: TEXT, align: 'justify' });
      doc.moveDown(0.5);
  }
}

/** One block's runs as one flowing text, each run in its weight. */
function writeRuns(
  doc: PDFKit.PDFDocument,
  runs: Run[],
  o: { x: number; width: number; size: number; color: string; align?: 'justify' | 'center'; allBold?: boolean },
): void {
  doc.fontSize(o.size).fillColor(o.color);
  runs.forEach((run, i) => {
    doc.font(o.allBold || run.bold ? 'bold' : 'regular');
    const options = { width: o.width, lineGap: 2, align: o.align, continued: i < runs.length - 1 };
    if (i === 0) doc.text(run.text, o.x, doc.y, options);
    else doc.text(run.text, options);
  });
}
