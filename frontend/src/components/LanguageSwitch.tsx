import { useSyncExternalStore } from 'react';
import { currentLanguage, setLanguage, subscribeLanguage, t } from '../i18n';

/** The interface language of the app, for components that must re-render when it changes. */
export function useLanguage() {
  return useSyncExternalStore(subscribeLanguage, currentLanguage, currentLanguage);
}

/** A button naming the other language in that language ("English" / "Nederlands"). */
export function LanguageSwitch() {
  const language = useLanguage();
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--subtle jt-language"
      lang={t('app.otherLanguageCode')}
      title={t('app.otherLanguageHint')}
      aria-label={t('app.otherLanguageHint')}
      onClick={() => void setLanguage(language === 'nl' ? 'en' : 'nl')}
    >
      {t('app.otherLanguage')}
    </button>
  );
}
