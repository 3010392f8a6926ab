/** Tables of the media library (filled in by the media feature). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MediaTables {}
