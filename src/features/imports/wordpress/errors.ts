import { ImportError } from '../import-error.js';

/**
 * A WordPress export that cannot be imported (damaged, cut short, not a WXR file): an ImportError
 * of the core, so `cong import` reports it like any other bad input. The message is Vietnamese and
 * names the line and the WordPress post id when they are known; it is thrown before anything is
 * written.
 */
export class WordPressExportError extends ImportError {
  constructor(message: string, where: { line?: number | undefined; itemId?: string | undefined } = {}) {
    super(message, where.line ?? null, where.itemId ?? null);
    this.name = 'WordPressExportError';
  }
}
