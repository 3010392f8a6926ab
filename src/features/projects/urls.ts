export const PROJECTS_PATH = '/du-an-dau-thau';
export const PROJECTS_LABEL = 'Dự án – Đấu thầu – GPMB';

/** Public URLs of Dự án – Đấu thầu – GPMB. */
export const projectUrls = {
  list: () => PROJECTS_PATH,
  project: (p: { id: number; slug: string }) => `${PROJECTS_PATH}/${p.slug}-${p.id}`,
  notice: (p: { id: number; slug: string }, n: { id: number }) => `${PROJECTS_PATH}/${p.slug}-${p.id}#thong-bao-${n.id}`,
  file: (f: { id: number }) => `${PROJECTS_PATH}/tai-ve/${f.id}`,
};
