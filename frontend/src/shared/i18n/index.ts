import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enJson from './en.json';
import ja from './ja.json';

// English must carry every key Japanese has.
const en: typeof ja = enJson;

export const languages = [
  { code: 'ja', label: '日本語' },
  { code: 'en', label: 'English' },
] as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: 'ja',
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
});

export default i18n;
