// The good-practices library as the API gives it (GET /v1/practices), and
// region and topic codes in the reader's language.
import { isLang, LANG_NAMES } from '../../i18n';
import { m } from './messages';

export interface Practice {
  id: number;
  group: string;
  title: string;
  region: string;
  topic: string;
  language: string;
  source: string;
  summary?: string;
  body?: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  translations?: { id: number; language: string; title: string }[];
}

export interface PracticePage {
  practices: Practice[];
  total: number;
  next: number | null;
  regions: string[];
  topics: string[];
}

type Key = keyof (typeof m)['en'];
type T = (key: Key) => string;

// A code the console knows in four languages, or the code as written.
export function codeName(t: T, kind: 'region' | 'topic', code: string): string {
  const key = `${kind}_${code}`;
  return key in m.en ? t(key as Key) : code;
}

export function langName(code: string): string {
  return isLang(code) ? LANG_NAMES[code] : code;
}

export function dirOfText(lang: string): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
