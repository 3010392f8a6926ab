/** Public paths of Thăm dò ý kiến and Góp ý dự thảo (the sections themselves are declared in polls/feature.ts and consultation/feature.ts). */
export const POLLS_PATH = '/tham-do-y-kien';
export const pollPath = (id: number) => `${POLLS_PATH}/${id}`;
export const resultsPath = (id: number) => `${POLLS_PATH}/${id}/ket-qua`;

export const DRAFTS_PATH = '/gop-y-du-thao';
export const draftPath = (id: number) => `${DRAFTS_PATH}/${id}`;
