// English texts of the agenda area: the same keys as the Dutch table (../nl.ts, ../nl/agenda.ts).
import type { MessageKey } from '../nl';

export const agenda: Partial<Record<MessageKey, string>> = {
};
