// The data-protection officer's view of the audit trail: the chain's
// verdict, then the records (GET /v1/audit), filtered from the address.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorBox, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { shell } from '../../shell-messages';
import './audit.css';
import { ACTIONS, ActionKey, m } from './messages';
import { VerifyBanner } from './VerifyBanner';

interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  role: string;
  purpose: string;
  action: string;
  object: string;
  detail: string;
  hash: string;
  masked: boolean;
}

const FILTERS = ['actor', 'action', 'object', 'for_purpose', 'from', 'to'] as const;
const PAGE_SIZES = [20, 50, 100, 500, 1000];

export function AuditPage(_props: { params: Record<string, string> }) {
  const t = useT(m);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{t('intro')}</p>
      <VerifyBanner />
      <PurposeGate>
        <Trail />
      </PurposeGate>
    </>
  );
}

function Trail() {
  const t = useT(m);
  const session = useSession();
  const { query } = useLocation();
  const limit = PAGE_SIZES.includes(Number(query.get('limit'))) ? Number(query.get('limit')) : 100;
  // Newest first; an older page starts before the last record shown.
  const pageSeq = Number(query.get('page_seq')) || 0;
  const filters = FILTERS.map((f) => query.get(f));
  const key = [...filters, limit, pageSeq, session.purpose].join('|');
  const trail = useLoad(
    async (signal) => {
      // One more than a page: whether there are older records.
      const q: Record<string, string | number | null> = { limit: limit + 1 };
      for (const f of FILTERS) q[f] = query.get(f);
      if (pageSeq) q.before = pageSeq;
      const r = await api<{ records: AuditRecord[] }>('/v1/audit', {
        query: q,
        purpose: session.purpose,
        signal,
      });
      return { records: r.records.slice(0, limit), more: r.records.length > limit };
    },
    [key],
  );

  const olderPage = () => {
    const last = trail.data?.records.at(-1);
    if (last) setQuery({ page_seq: String(last.seq) });
  };

  return (
    <>
      <Filters key={filters.join('|')} limit={limit} />
      {trail.error ? (
        <ErrorBox error={trail.error} onRetry={trail.reload} />
      ) : !trail.data ? (
        <Loading />
      ) : trail.data.records.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {t('shown', { n: trail.data.records.length })}
          </p>
          <RecordsTable records={trail.data.records} />
        </>
      )}
      <nav class="pager" aria-label={t('pagesLabel')}>
        <button
          type="button"
          disabled={!pageSeq}
          onClick={() => setQuery({ page_seq: null })}
        >
          {t('newest')}
        </button>
        <button type="button" disabled={!trail.data?.more} onClick={olderPage}>
          {t('older')}
        </button>
      </nav>
    </>
  );
}

function Filters(props: { limit: number }) {
  const t = useT(m);
  const { query } = useLocation();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ''])),
  );
  const [limit, setLimit] = useState(String(props.limit));
  const field = (name: (typeof FILTERS)[number]) => ({
    id: `audit-${name}`,
    value: values[name],
    onInput: (e: Event) =>
      setValues((v) => ({ ...v, [name]: (e.target as HTMLInputElement).value })),
  });
  const submit = (e: Event) => {
    e.preventDefault();
    setQuery({ ...values, limit: limit === '100' ? null : limit, page_seq: null });
  };
  const reset = () => {
    const none = Object.fromEntries(FILTERS.map((f) => [f, null]));
    setQuery({ ...none, page_seq: null });
  };
  return (
    <form class="card inline-form audit-filters" onSubmit={submit} aria-label={t('filters')}>
      <label for="audit-actor">
        {t('actor')}
        <input {...field('actor')} size={12} autoComplete="off" />
      </label>
      <label for="audit-action">
        {t('action')}
        <select
          id="audit-action"
          value={values.action}
          onChange={(e) =>
            setValues((v) => ({ ...v, action: (e.target as HTMLSelectElement).value }))
          }
        >
          <option value="">{t('anyAction')}</option>
          {ACTIONS.map((a) => (
            <option value={a} key={a}>
              {t(`action_${a}` as ActionKey)}
            </option>
          ))}
        </select>
      </label>
      <label for="audit-object">
        {t('object')}
        <input {...field('object')} size={14} dir="ltr" placeholder="alert:" autoComplete="off" />
      </label>
      <label for="audit-for_purpose">
        {t('purpose')}
        <input {...field('for_purpose')} size={14} dir="ltr" autoComplete="off" />
      </label>
      <label for="audit-from">
        {t('from')}
        <input {...field('from')} type="date" />
      </label>
      <label for="audit-to">
        {t('to')}
        <input {...field('to')} type="date" />
      </label>
      <label for="audit-limit">
        {t('pageSize')}
        <select
          id="audit-limit"
          value={limit}
          onChange={(e) => setLimit((e.target as HTMLSelectElement).value)}
        >
          {PAGE_SIZES.map((n) => (
            <option value={n} key={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary">
        {t('apply')}
      </button>
      <button type="button" onClick={reset}>
        {t('reset')}
      </button>
    </form>
  );
}

function RecordsTable(props: { records: AuditRecord[] }) {
  const t = useT(m);
  const ts = useT(shell);
  const locale = useLocale();
  const roleName = (role: string) => {
    const key = `role_${role}` as keyof (typeof shell)['en'];
    return role ? (shell.en[key] ? ts(key) : role) : '—';
  };
  const actionName = (a: string) =>
    (ACTIONS as readonly string[]).includes(a) ? t(`action_${a}` as ActionKey) : a;
  return (
    <div class="table-scroll">
      <table class="data audit-table" aria-label={t('tableLabel')}>
        <thead>
          <tr>
            <th class="num">{t('colSeq')}</th>
            <th>{t('colAt')}</th>
            <th>{t('colWho')}</th>
            <th>{t('colRole')}</th>
            <th>{t('colPurpose')}</th>
            <th>{t('colAction')}</th>
            <th>{t('colObject')}</th>
            <th>{t('colDetail')}</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r) => (
            <tr key={r.seq} data-seq={r.seq}>
              <td class="num">{formatNumber(locale, r.seq)}</td>
              <td class="nowrap">{formatDateTime(locale, r.at)}</td>
              <td>
                <bdi>{r.actor}</bdi>
              </td>
              <td>{roleName(r.role)}</td>
              <td class="nowrap">
                <bdi dir="ltr">{r.purpose}</bdi>
              </td>
              <td>
                <span class={`badge action-${r.action}`}>{actionName(r.action)}</span>
              </td>
              <td>
                <bdi dir="ltr" class="audit-object">
                  {r.object}
                </bdi>
              </td>
              <td>
                {r.masked && (
                  <span class="badge masked" title={t('maskedTitle')}>
                    {t('maskedBadge')}
                  </span>
                )}
                <Detail text={r.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A record's detail as written (JSON); a long one folds.
function Detail(props: { text: string }) {
  const { text } = props;
  if (text.length <= 160) {
    return (
      <div class="audit-detail" dir="ltr">
        <code>{text}</code>
      </div>
    );
  }
  return (
    <details class="audit-detail" dir="ltr">
      <summary>
        <code>{text.slice(0, 120)}…</code>
      </summary>
      <code>{text}</code>
    </details>
  );
}
