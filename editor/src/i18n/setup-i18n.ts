import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.js';
import { en } from './en.js';

export const LANGUAGE_KEY = 'replyflow.language';

/** zh-CN by default (the operators' language); English when chosen. Synchronous, so the first paint is translated. */
export function setupI18n(language?: string): typeof i18n {
  let lng = language;
  if (!lng) {
    try {
      lng = localStorage.getItem(LANGUAGE_KEY) ?? 'zh-CN';
    } catch {
      lng = 'zh-CN';
    }
  }
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  } else if (i18n.language !== lng) void i18n.changeLanguage(lng);
  return i18n;
}
