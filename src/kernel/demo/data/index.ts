import type { DemoSite } from '../types.js';
import { bacHongLinh } from './bac-hong-linh.js';
import { hongLinh } from './hong-linh.js';
import { namHongLinh } from './nam-hong-linh.js';

/**
 * The demo tells the 2025 reorganisation: two live ward sites (Nam Hồng Lĩnh, the default, and
 * Bắc Hồng Lĩnh) and the former town portal, archived, whose old addresses lead to them.
 */
export const demoSites: DemoSite[] = [namHongLinh, bacHongLinh, hongLinh];
