/** Public URLs of Công khai ngân sách (the section's path is declared in budget/feature.ts). */
export const BUDGET_PATH = '/cong-khai-ngan-sach';

export const budgetUrls = {
  index: () => BUDGET_PATH,
  year: (year: number) => `${BUDGET_PATH}/nam-${year}`,
  report: (r: { id: number }) => `${BUDGET_PATH}/bao-cao/${r.id}`,
  file: (f: { id: number }) => `${BUDGET_PATH}/tai-ve/${f.id}`,
  csv: () => `${BUDGET_PATH}.csv`,
};
