import type { Feature } from '../../kernel/feature.js';
import { oldAddressRoutes } from './admin/routes.js';

/**
 * Old addresses of a site (issue 14): the back-office screen that lists, tries, adds and deletes
 * them. They are answered at request time by the kernel (src/kernel/http/old-address-answer.ts);
 * the table is the kernel's, written by the importers and the merge as well.
 */
export const redirects: Feature = {
  key: 'redirects',
  label: 'Địa chỉ cũ',
  adminRoutes: oldAddressRoutes,
};
