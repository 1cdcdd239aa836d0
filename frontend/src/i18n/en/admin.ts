// English texts of the admin area: the same keys as the Dutch table (../nl.ts, ../nl/admin.ts).
import type { MessageKey } from '../nl';

export const admin: Partial<Record<MessageKey, string>> = {
};
