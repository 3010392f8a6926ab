import type { PublicSection } from '../../kernel/feature.js';
import { HOTLINES_PATH } from './lines.js';

export const HOTLINES_SECTION: PublicSection = { key: 'duong-day-nong', label: 'Đường dây nóng', path: HOTLINES_PATH, order: 290, group: 'disclosure' };
