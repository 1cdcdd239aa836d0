// English texts of the budget area: the same keys as the Dutch table (../nl.ts, ../nl/budget.ts).
import type { MessageKey } from '../nl';

export const budget: Partial<Record<MessageKey, string>> = {
};
