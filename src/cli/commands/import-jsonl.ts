import { readJsonLines } from '../../features/imports/jsonl.js';
import type { ImportSource } from './import-source.js';

export const importJsonl: ImportSource = {
  name: 'jsonl',
  usage: 'import jsonl <tệp.jsonl> --site <mã trang> [--files <thư mục>] [--dry-run]',
  filesOption: '--files',
  records: (file) => readJsonLines(file),
};
