// The English translation table (a plus for the users who do not read Dutch). Loaded on demand by
// setLanguage('en'); per area like the Dutch one. A key missing here shows in Dutch.
import type { MessageKey } from './nl';
import { admin } from './en/admin';
import { agenda } from './en/agenda';
import { budget } from './en/budget';
import { core } from './en/core';
import { monitoring } from './en/monitoring';
import { people } from './en/people';

export const en: Partial<Record<MessageKey, string>> = { ...core, ...agenda, ...people, ...budget, ...monitoring, ...admin };
