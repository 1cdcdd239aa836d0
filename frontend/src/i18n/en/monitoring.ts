// English texts of the monitoring area: the same keys as the Dutch table (../nl.ts, ../nl/monitoring.ts).
import type { MessageKey } from '../nl';

export const monitoring: Partial<Record<MessageKey, string>> = {
};
