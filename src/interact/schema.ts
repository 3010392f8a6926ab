/** Tables of ratings, comments and the captcha replay store (filled in by the interaction feature). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InteractTables {}
