// Small building blocks every screen uses: links, loading and error states,
// the purpose gate, a data hook, names in two scripts, and a pager.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useT } from '../i18n';
import { onLinkClick } from '../router';
import { isNonLatin, useLatin } from '../translit';
import { useSession } from '../session';
import { common } from './common-messages';

export function Link(props: {
  to: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}) {
  return (
    <a
      href={props.to}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(e) => onLinkClick(e as MouseEvent, props.to)}
    >
      {props.children}
    </a>
  );
}

export function Loading() {
  const t = useT(common);
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function ErrorBox(props: { error: unknown; onRetry?: () => void }) {
  const t = useT(common);
  const e = props.error;
  let text: string;
  if (e instanceof ApiError) {
    const head =
      e.status === 403 ? t('forbidden') : e.status === 404 ? t('notFound') : e.status === 401 ? t('unauthorized') : t('error');
    text = e.problem.detail ? `${head} ${e.problem.detail}` : head;
  } else {
    text = `${t('error')}: ${String((e as Error)?.message ?? e)}`;
  }
  return (
    <div class="error" role="alert">
      <span>{text}</span>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

// Runs `load` when `deps` change; the previous request is aborted.
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    loadRef
      .current(ctl.signal)
      .then((data) => {
        if (!ctl.signal.aborted) setState({ data, error: null, loading: false });
      })
      .catch((error) => {
        if (!ctl.signal.aborted) setState({ data: null, error, loading: false });
      });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

// Shows its children only once a purpose is chosen for this tab; every
// reading of personal data below carries it (session.purpose).
export function PurposeGate(props: { children: ComponentChildren }) {
  const session = useSession();
  const t = useT(common);
  const [choice, setChoice] = useState(session.me.purposes[0]?.code ?? '');
  if (session.purpose) return <>{props.children}</>;
  return (
    <section class="card purpose-gate" aria-labelledby="purpose-gate-title">
      <h2 id="purpose-gate-title">{t('purposeTitle')}</h2>
      <p>{t('purposeNeeded')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) session.setPurpose(choice);
        }}
      >
        <label for="purpose-gate-select">{t('purposeChoose')}</label>
        <select
          id="purpose-gate-select"
          value={choice}
          onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
        >
          {session.me.purposes.map((p) => (
            <option value={p.code} key={p.code}>
              {p.code} — {p.description}
            </option>
          ))}
        </select>
        <button type="submit" class="primary">
          {t('purposeUse')}
        </button>
      </form>
    </section>
  );
}

// A name in its original script, with the Latin transliteration beside it
// when the original is in another script (given, or asked of the server when
// `latin` is undefined). dir="auto" keeps an Arabic name
// right to left inside an English page and a Latin one left to right inside
// an Arabic page.
export function NameText(props: { name: string; latin?: string | null; class?: string }) {
  const t = useT(common);
  // Asked of the server only when the caller did not bring one.
  const fetched = useLatin(props.latin === undefined ? props.name : null);
  const given = props.latin === undefined ? fetched : props.latin;
  const latin = given && given !== props.name ? given : null;
  return (
    <span class={`name ${props.class ?? ''}`}>
      <bdi dir="auto" class="name-original">
        {props.name}
      </bdi>
      {latin && isNonLatin(props.name) && (
        <span class="name-latin" title={t('transliteration')}>
          {' '}
          (<bdi dir="ltr">{latin}</bdi>)
        </span>
      )}
    </span>
  );
}

export function Pager(props: {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  label?: string;
}) {
  const t = useT(common);
  return (
    <nav class="pager" aria-label={props.label ?? 'pages'}>
      <button type="button" disabled={!props.hasPrevious} onClick={props.onPrevious}>
        {t('previous')}
      </button>
      <button type="button" disabled={!props.hasNext} onClick={props.onNext}>
        {t('next')}
      </button>
    </nav>
  );
}

export function PageTitle(props: { children: ComponentChildren; actions?: ComponentChildren }) {
  useEffect(() => {
    const h = document.querySelector('main h1');
    if (h) document.title = `${h.textContent} — hudud`;
  });
  return (
    <header class="page-head">
      <h1 tabIndex={-1}>{props.children}</h1>
      {props.actions && <div class="page-actions">{props.actions}</div>}
    </header>
  );
}
