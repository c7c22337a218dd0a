import { useI18n } from '../../i18n/i18n-context';

/** One button that switches between Dutch and English; the choice is remembered. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const next = language === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="button button--quiet language-switch"
      lang={next}
      title={t('header.switchLanguage')}
      onClick={() => setLanguage(next)}
    >
      <svg className="language-switch__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M3 12h18M12 3c2.8 3 2.8 15 0 18M12 3c-2.8 3-2.8 15 0 18" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      {t('header.otherLanguage')}
    </button>
  );
}
