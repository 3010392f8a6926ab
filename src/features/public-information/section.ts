import type { PublicSection } from '../../kernel/feature.js';
import { INFO_PATH } from './items.js';

export const INFO_SECTION: PublicSection = { key: 'thong-tin-cong-khai', label: 'Thông tin công khai', path: INFO_PATH, order: 250, group: 'disclosure' };
