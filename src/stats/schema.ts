/** Tables of visitor statistics (filled in by the statistics feature). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatsTables {}
