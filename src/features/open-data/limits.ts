/** Requests a minute per client on each API route that is not answered from the cache (as the site search). */
export const API_LIMIT = 120;
