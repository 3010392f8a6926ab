/** The section's label as the law and the issue name it (exactly). */
export const BUDGET_LABEL = 'Công khai ngân sách';
