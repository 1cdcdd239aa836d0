// English texts of the people area: the same keys as the Dutch table (../nl.ts, ../nl/people.ts).
import type { MessageKey } from '../nl';

export const people: Partial<Record<MessageKey, string>> = {
};
