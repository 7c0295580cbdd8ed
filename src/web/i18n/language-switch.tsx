import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages, switchLanguage } from './i18n.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  const choose = (language: Language) => {
    switchLanguage(language).catch(() => undefined);
  };
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          title={t(`language.${language}`)}
          aria-pressed={language === active}
          onClick={() => choose(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
