import type { PublicSection } from '../../kernel/feature.js';
import { RECEPTION_PATH } from './reception.js';

export const RECEPTION_SECTION: PublicSection = { key: 'tiep-cong-dan', label: 'Tiếp công dân', path: RECEPTION_PATH, order: 270, group: 'disclosure' };
