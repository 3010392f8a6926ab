import type { ImportRecord } from './records.js';

/** What each record type is called in messages ("bài viết “123”"). */
export const KIND_NAMES: Record<ImportRecord['type'], string> = {
  source: 'nguồn',
  category: 'chuyên mục',
  file: 'tệp',
  article: 'bài viết',
  page: 'trang',
  document: 'văn bản',
  comment: 'bình luận',
  redirect: 'địa chỉ chuyển hướng',
  counter: 'bộ đếm lượt truy cập',
};

/**
 * Bad input of an import: a line that is not JSON, a record with a missing or wrong field, a
 * reference to an item that is not there, a file that cannot be read. Thrown before anything is
 * written (or from inside the transaction, which then rolls back), with a Vietnamese message
 * naming the line and the item: "Dòng 17 (bài viết “123”): thiếu tiêu đề."
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly itemId: string | null = null,
  ) {
    super(message);
    this.name = 'ImportError';
  }

  /** "Dòng 17 (bài viết “123”): <problem>" */
  static at(line: number, kind: ImportRecord['type'] | null, itemId: string | null, problem: string): ImportError {
    const what = kind ? ` (${KIND_NAMES[kind]}${itemId ? ` “${itemId}”` : ''})` : '';
    return new ImportError(`Dòng ${line}${what}: ${problem}`, line, itemId);
  }
}
