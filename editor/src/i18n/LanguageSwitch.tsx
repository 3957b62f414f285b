import { useTranslation } from 'react-i18next';
import { LANGUAGE_KEY } from './setup-i18n.js';

/** 中文 / English. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <select
      className="language"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(e) => {
        void i18n.changeLanguage(e.target.value);
        localStorage.setItem(LANGUAGE_KEY, e.target.value);
        document.documentElement.lang = e.target.value;
      }}
    >
      <option value="zh-CN">中文</option>
      <option value="en">English</option>
    </select>
  );
}
