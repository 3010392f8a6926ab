import type { PlanKind } from '../../kernel/db/tables/plans.js';

export { longDay, shortDay } from '../documents/present.js';

export const KIND_NAMES: Record<PlanKind, string> = {
  'quy-hoach': 'Quy hoạch',
  'ke-hoach-su-dung-dat': 'Kế hoạch sử dụng đất',
  'ke-hoach-kt-xh': 'Kế hoạch phát triển kinh tế – xã hội',
  khac: 'Kế hoạch khác',
};
