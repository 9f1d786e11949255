// The console's shell: locale, sign-in, the header (user, purpose, language)
// and the navigation beside the screen the address names.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, Me, setUnauthorizedHandler } from './api';
import { common } from './components/common-messages';
import { Link, Loading } from './components/ui';
import {
  browserLang,
  dirOf,
  isLang,
  Lang,
  LANG_NAMES,
  LANGS,
  linkLang,
  Locale,
  LocaleContext,
  translate,
} from './i18n';
import { UnreadCount } from './pages/NotificationsPage';
import { allowed, homeOf, ROUTES } from './routes';
import { match, navigate, useLocation } from './router';
import { Session, SessionContext } from './session';
import { shell } from './shell-messages';

const LANG_KEY = 'hudud.lang';
const DIGITS_KEY = 'hudud.arabicDigits';
const PURPOSE_KEY = 'hudud.purpose';

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  return linkLang() ?? (isLang(stored) ? stored : browserLang());
}

export function App() {
  const [locale, setLocale] = useState<Locale>({
    lang: initialLang(),
    arabicDigits: localStorage.getItem(DIGITS_KEY) === '1',
  });
  const [me, setMe] = useState<Me | null | undefined>(undefined); // undefined: asking
  const [purpose, setPurposeState] = useState<string | null>(sessionStorage.getItem(PURPOSE_KEY));

  useEffect(() => {
    document.documentElement.lang = locale.lang;
    document.documentElement.dir = dirOf(locale.lang);
  }, [locale.lang]);

  const loadMe = () =>
    api<Me>('/v1/me')
      .then((m) => {
        setMe(m);
        // The per-user setting wins over the browser, a ?lang= link over both.
        if (!linkLang() && isLang(m.language)) {
          setLocale((l) => ({ ...l, lang: m.language as Lang }));
          localStorage.setItem(LANG_KEY, m.language as string);
        }
      })
      .catch(() => setMe(null));

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    loadMe();
    return () => setUnauthorizedHandler(null);
  }, []);

  const setLang = (lang: Lang) => {
    setLocale((l) => ({ ...l, lang }));
    localStorage.setItem(LANG_KEY, lang);
    if (linkLang()) {
      const q = new URLSearchParams(location.search);
      q.set('lang', lang);
      navigate(`${location.pathname}?${q}`, true);
    }
    if (me) api('/v1/me/preferences', { method: 'PUT', body: { language: lang } }).catch(() => {});
  };

  const session: Session | null = useMemo(
    () =>
      me
        ? {
            me,
            purpose: purpose && me.purposes.some((p) => p.code === purpose) ? purpose : null,
            setPurpose: (code) => {
              if (code) sessionStorage.setItem(PURPOSE_KEY, code);
              else sessionStorage.removeItem(PURPOSE_KEY);
              setPurposeState(code);
            },
            setLang,
            setArabicDigits: (on) => {
              localStorage.setItem(DIGITS_KEY, on ? '1' : '0');
              setLocale((l) => ({ ...l, arabicDigits: on }));
            },
            signOut: () => {
              api('/v1/session', { method: 'DELETE' })
                .catch(() => {})
                .finally(() => {
                  sessionStorage.removeItem(PURPOSE_KEY);
                  setPurposeState(null);
                  setMe(null);
                  navigate('/', true);
                });
            },
          }
        : null,
    [me, purpose, locale],
  );

  return (
    <LocaleContext.Provider value={locale}>
      {me === undefined ? (
        <Loading />
      ) : session ? (
        <SessionContext.Provider value={session}>
          <Shell session={session} locale={locale} />
        </SessionContext.Provider>
      ) : (
        <SignIn locale={locale} setLang={setLang} onSignedIn={loadMe} />
      )}
    </LocaleContext.Provider>
  );
}

function LanguagePicker(props: { locale: Locale; setLang: (l: Lang) => void; id: string }) {
  const t = translate(shell, props.locale);
  return (
    <span class="lang-picker">
      <label for={props.id}>{t('language')}</label>
      <select
        id={props.id}
        value={props.locale.lang}
        onChange={(e) => props.setLang((e.target as HTMLSelectElement).value as Lang)}
      >
        {LANGS.map((l) => (
          <option value={l} lang={l} key={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

function SignIn(props: { locale: Locale; setLang: (l: Lang) => void; onSignedIn: () => void }) {
  const t = translate(shell, props.locale);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/v1/session', { body: { user, password } });
      props.onSignedIn();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 429 ? t('tooMany') : t('badCredentials'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin" id="main">
      <div class="signin-box card">
        <p class="brand" aria-hidden="true">
          <span class="brand-ar" lang="ar">
            حدود
          </span>{' '}
          hudud
        </p>
        <h1>{t('signInTitle')}</h1>
        <p class="muted">{t('tagline')}</p>
        <form onSubmit={submit}>
          <label for="signin-user">{t('user')}</label>
          <input
            id="signin-user"
            name="user"
            autoComplete="username"
            required
            value={user}
            onInput={(e) => setUser((e.target as HTMLInputElement).value)}
          />
          <label for="signin-password">{t('password')}</label>
          <input
            id="signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </button>
        </form>
        <LanguagePicker locale={props.locale} setLang={props.setLang} id="signin-lang" />
      </div>
    </main>
  );
}

function Shell(props: { session: Session; locale: Locale }) {
  const { session, locale } = props;
  const t = translate(shell, locale);
  const tc = translate(common, locale);
  const { path } = useLocation();
  const me = session.me;
  const visible = ROUTES.filter((r) => allowed(r, me.permissions));

  useEffect(() => {
    if (path === '/' || path === '') navigate(homeOf(me.permissions) + location.search, true);
  }, [path]);

  let page = null;
  for (const r of visible) {
    const params = match(r.path, path);
    if (params) {
      const C = r.component;
      page = <C params={params} key={r.path} />;
      break;
    }
  }
  const roleKey = `role_${me.role}` as keyof (typeof shell)['en'];
  const purposeInfo = me.purposes.find((p) => p.code === session.purpose);

  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="topbar">
        <Link to={homeOf(me.permissions)} class="brand">
          <span class="brand-ar" lang="ar">
            حدود
          </span>{' '}
          <span>hudud</span>
        </Link>
        <span class="who" data-testid="who">
          {t('signedInAs', { user: me.user, role: t(roleKey) })}
        </span>
        {me.purposes.length > 0 && (
          <span class="purpose-badge" title={purposeInfo?.description}>
            <label for="purpose-select">{tc('purposeLabel')}</label>
            <select
              id="purpose-select"
              value={session.purpose ?? ''}
              onChange={(e) => session.setPurpose((e.target as HTMLSelectElement).value || null)}
            >
              <option value="">{t('noPurpose')}</option>
              {me.purposes.map((p) => (
                <option value={p.code} key={p.code} title={p.description}>
                  {p.code}
                </option>
              ))}
            </select>
          </span>
        )}
        <LanguagePicker locale={locale} setLang={session.setLang} id="shell-lang" />
        {locale.lang === 'ar' && (
          <label class="digits">
            <input
              type="checkbox"
              checked={locale.arabicDigits}
              onChange={(e) => session.setArabicDigits((e.target as HTMLInputElement).checked)}
            />{' '}
            {t('arabicDigits')}
          </label>
        )}
        <button type="button" class="signout" onClick={session.signOut}>
          {t('signOut')}
        </button>
      </header>
      <nav class="sidenav" aria-label={t('navLabel')}>
        <ul>
          {visible
            .filter((r) => r.nav)
            .map((r) => (
              <li key={r.path}>
                <Link
                  to={r.path}
                  aria-current={path === r.path || path.startsWith(r.path + '/') ? 'page' : undefined}
                >
                  {t(r.nav!)}
                  {r.path === '/notifications' && <UnreadCount />}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main" class="content" tabIndex={-1}>
        {page ?? <p class="muted">{t('pageNotFound')}</p>}
      </main>
    </div>
  );
}

