import { readFile } from 'node:fs/promises';
import { WordPressExportError } from './errors.js';
import { wxrToRecords, type WordPressConversion } from './to-records.js';
import { readWxr } from './wxr.js';

/**
 * The import records of a WXR file on disk. The text is read once and dropped as soon as it is
 * parsed; a missing, damaged or foreign file throws a WordPressExportError before anything is done.
 */
export async function readWordPressExport(path: string, options: { timezone?: string } = {}): Promise<WordPressConversion> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new WordPressExportError(`Không đọc được tệp ${path}: kiểm tra lại đường dẫn và quyền đọc.`);
  }
  return wxrToRecords(readWxr(text), options);
}
