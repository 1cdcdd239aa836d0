// English texts of the core area: the same keys as the Dutch table (../nl.ts).
import type { MessageKey } from '../nl';

export const core: Partial<Record<MessageKey, string>> = {
  'app.otherLanguage': 'Nederlands',
  'app.otherLanguageCode': 'nl',
  'app.otherLanguageHint': 'Schakel de toepassing naar het Nederlands',
};
