import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfAnswer, PdfJob } from './pdf-thread.js';

export class PdfFontMissing extends Error {}

/** A thread with nothing to do for this long is stopped (its memory given back); the next PDF starts one again. */
const IDLE_MS = 60_000;

/**
 * Makes article PDFs on one worker thread, so that laying out a long article (about a second of
 * pdfkit's synchronous work) never holds the event loop. Jobs queue on that one thread, which also
 * bounds the CPU a burst of downloads can take from page serving to one core.
 */
export class PdfMaker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (err: Error) => void }>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly fontDir: string) {}

  make(article: PdfJob['article']): Promise<Buffer> {
    const worker = this.thread();
    if (this.idle) clearTimeout(this.idle);
    const id = this.nextId++;
    // Held open while it works, let go when idle: an idle thread never keeps the process alive.
    worker.ref();
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, fontDir: this.fontDir, article } satisfies PdfJob);
    });
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread();
    worker.on('message', (answer: PdfAnswer) => {
      const job = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (job) {
        if ('pdf' in answer) job.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
        else job.reject(answer.missingFont ? new PdfFontMissing(answer.error) : new Error(answer.error));
      }
      if (this.pending.size === 0 && this.worker === worker) {
        worker.unref();
        this.idle = setTimeout(() => void this.close(), IDLE_MS).unref();
      }
    });
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`PDF thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/** The compiled thread in production; under tsx (tests, `npm run dev`) the TypeScript source, loaded through tsx. */
function startThread(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./pdf-thread${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(entry);
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true });
}
