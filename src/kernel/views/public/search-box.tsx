import { MAX_QUERY_LENGTH } from '../../search/query.js';

export const SEARCH_PATH = '/tim-kiem';

/** The box in every page header. */
export function SearchBox() {
  return (
    <form role="search" action={SEARCH_PATH} method="get" class="header-search" aria-label="Tìm kiếm trên trang">
      <label for="tim-kiem-nhanh" class="visually-hidden">Tìm kiếm</label>
      <input id="tim-kiem-nhanh" type="search" name="q" maxLength={MAX_QUERY_LENGTH} placeholder="Tìm kiếm" autoComplete="off" />
      <button type="submit">Tìm</button>
    </form>
  );
}
