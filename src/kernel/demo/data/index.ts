import type { DemoSite } from '../types.js';
import { hongLinh } from './hong-linh.js';
import { namHongLinh } from './nam-hong-linh.js';

export const demoSites: DemoSite[] = [hongLinh, namHongLinh];
