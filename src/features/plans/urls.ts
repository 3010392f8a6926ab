export const PLANS_PATH = '/quy-hoach-ke-hoach';
export const PLANS_LABEL = 'Quy hoạch – Kế hoạch';

/** Public URLs of Quy hoạch – Kế hoạch. */
export const planUrls = {
  list: () => PLANS_PATH,
  plan: (p: { id: number; slug: string }) => `${PLANS_PATH}/${p.slug}-${p.id}`,
  /** Downloads (PDF, spreadsheets) and plan-map pictures shown in the page. */
  file: (f: { id: number }) => `${PLANS_PATH}/tep/${f.id}`,
  geojson: (p: { id: number }) => `${PLANS_PATH}/lop-ban-do/${p.id}.geojson`,
};
