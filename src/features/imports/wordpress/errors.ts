/**
 * A WordPress export that cannot be imported (damaged, cut short, not a WXR file). The message is
 * Vietnamese and names the line and the WordPress post id when they are known; it is thrown before
 * anything is written. Shaped like the import core's ImportError (`line`, `itemId`).
 */
export class WordPressExportError extends Error {
  readonly line: number | undefined;
  readonly itemId: string | undefined;

  constructor(message: string, where: { line?: number | undefined; itemId?: string | undefined } = {}) {
    super(message);
    this.name = 'WordPressExportError';
    this.line = where.line;
    this.itemId = where.itemId;
  }
}
