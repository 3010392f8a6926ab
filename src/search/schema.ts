/** Tables of the search index (filled in by the search feature). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchTables {}
