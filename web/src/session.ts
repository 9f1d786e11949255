// What every screen may ask of the session: who is signed in, the purpose
// chosen for reading personal data, and the locale.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api';
import type { Lang } from './i18n';

export interface Session {
  me: Me;
  // The purpose code in force for this browser tab (sessionStorage), or null.
  purpose: string | null;
  setPurpose: (code: string | null) => void;
  setLang: (lang: Lang) => void;
  setArabicDigits: (on: boolean) => void;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in console');
  return s;
}
