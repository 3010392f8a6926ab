import { readFile } from 'node:fs/promises';
import { feedRecords } from '../../features/imports/feed.js';
import type { ImportSource } from './import-source.js';

export const importFeed: ImportSource = {
  name: 'feed',
  usage: 'import feed <tệp rss/atom> --site <mã trang> [--files <thư mục ảnh>] [--dry-run]',
  filesOption: '--files',
  records: async (file, { filesDir }) => feedRecords(await readFile(file, 'utf8'), filesDir),
};
