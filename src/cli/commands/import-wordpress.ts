import type { LocatedRecord, ConversionNote } from '../../features/imports/wordpress/to-records.js';
import { readWordPressExport } from '../../features/imports/wordpress/read-export.js';
import { formatNumber } from '../../kernel/lib/format.js';
import type { ImportSource } from './import-source.js';

/**
 * The records of a WordPress export, with what the conversion left out or changed (shortcodes
 * taken out, menu items, pingbacks) for the import's summary.
 */
export type WordPressRecords = LocatedRecord[] & { notes: ConversionNote[] };

/**
 * `cong import wordpress <export.xml> --site <mã> [--uploads <thư mục>] [--dry-run]`: the source
 * of `cong import` that reads the WXR file
 * WordPress's Tools → Export writes. The whole export is read and checked before the core runs;
 * without the uploads folder the images are left out, and the operator is told so.
 */
export const importWordpress = {
  name: 'wordpress',
  usage: 'import wordpress <export.xml> --site <mã trang> [--uploads <thư mục wp-content/uploads>] [--dry-run]',
  filesOption: '--uploads',
  async records(file: string, opts: { filesDir?: string | undefined }, err: { write(s: string): unknown } = process.stderr): Promise<WordPressRecords> {
    const conversion = await readWordPressExport(file);
    const files = conversion.records.filter((r) => r.record.type === 'file').length;
    if (!opts.filesDir && files) {
      err.write(`Chú ý: không có --uploads, nên ${formatNumber(files)} tệp ảnh của WordPress không được nhập (bài vẫn trỏ tới địa chỉ ảnh cũ).\n`);
    }
    return Object.assign(conversion.records, { notes: conversion.notes });
  },
} satisfies ImportSource;
