import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ImportError } from './import-error.js';
import type { ImportRecord } from './records.js';

/**
 * The records of a JSON Lines file, read line by line (a file of 100,000 articles is never held
 * as one string), numbered from 1. Blank lines are allowed; a line that is not JSON stops the
 * reading with its number, and a last line cut off (a copy that did not finish) says so.
 */
export async function* readJsonLines(path: string): AsyncGenerator<{ record: ImportRecord; line: number }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (!text) continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (err) {
      const cut = /^\{/.test(text) && !/\}$/.test(text);
      const why = (err as Error).message.replace(/^JSON\.parse: /, '');
      throw ImportError.at(
        line, null, null,
        cut ? 'dòng bị cắt cụt (thiếu dấu “}” đóng bản ghi): tệp có thể chưa được sao chép hoặc xuất hết.' : `không phải JSON hợp lệ (${why}).`,
      );
    }
    yield { record: record as ImportRecord, line };
  }
}
