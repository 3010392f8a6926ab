import { ALBUMS_PATH } from '../paths.js';

export const ALBUMS_PER_PAGE = 12;

/** The cache key of a page of the list: it depends on ?trang=, so the key holds "?" (page-keys.ts of schedule). */
export const listKey = (page: number) => `${ALBUMS_PATH}?trang=${page}`;
