import { createHash } from 'node:crypto';

/**
 * The PDFs made lately, kept by what went into them (the article as published and updated, the
 * site's name, its address): a page-cache entry expires after a minute, but the same article is not
 * laid out again until it changes. A changed article has another key, so nothing stale is served;
 * the least recently used file goes first.
 */
export class PdfShelf {
  private readonly files = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly maxFiles = 200,
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  static key(input: unknown): string {
    return createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  }

  get(key: string): Buffer | undefined {
    const pdf = this.files.get(key);
    if (pdf) {
      this.files.delete(key);
      this.files.set(key, pdf);
    }
    return pdf;
  }

  put(key: string, pdf: Buffer): void {
    if (pdf.length > this.maxBytes) return;
    const old = this.files.get(key);
    if (old) this.bytes -= old.length;
    this.files.delete(key);
    this.files.set(key, pdf);
    this.bytes += pdf.length;
    while (this.files.size > this.maxFiles || this.bytes > this.maxBytes) {
      const [oldest, file] = this.files.entries().next().value!;
      this.files.delete(oldest);
      this.bytes -= file.length;
    }
  }
}
