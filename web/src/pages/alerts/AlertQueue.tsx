// The alert queue: GET /v1/alerts filtered by what the address says, 50 at
// a time, newest first, paged on the server; worked through with the
// keyboard (the shortcuts are listed beside it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, Me } from '../../api';
import { common } from '../../components/common-messages';
import {
  ErrorBox,
  Link,
  Loading,
  NameText,
  PageTitle,
  Pager,
  PurposeGate,
  useLoad,
} from '../../components/ui';
import { formatNumber, useLocale, useT } from '../../i18n';
import { navigate, setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import './alerts.css';
import { codeLabel, formatAge } from './format';
import { KeyHelp } from './KeyHelp';
import { recallQueue, rememberQueue, useKeys } from './keys';
import { alertMessages } from './messages';
import { ScoreBar } from './NameMatch';
import { Alert, AlertPage, DECISIONS, SOURCES, subjectOf } from './types';

const PAGE = 50;
// The address's filter parameters (besides the cursor, `before`).
const FILTERS = [
  'list',
  'flight',
  'min_score',
  'age',
  'from',
  'to',
  'status',
  'assignee',
  'source',
  'decision',
];

const day = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86400000).toISOString().slice(0, 10);

// The address's filters as the API's query: "mine" is the user, the age presets are dates.
export function queueQuery(q: URLSearchParams, me: Me): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['list', 'flight', 'min_score', 'source', 'decision']) {
    const v = q.get(k);
    if (v) out[k] = v;
  }
  const status = q.get('status') ?? 'open';
  if (status !== 'all') out.status = status;
  const assignee = q.get('assignee');
  if (assignee === 'unassigned') out.unassigned = 'true';
  else if (assignee === 'mine') out.assignee = me.user;
  else if (assignee) out.assignee = assignee;
  const age = q.get('age');
  if (age === 'today') out.from = day(0);
  if (age === '7d') out.from = day(7);
  if (age === '30d') out.from = day(30);
  if (age === 'between') {
    if (q.get('from')) out.from = q.get('from')!;
    if (q.get('to')) out.to = q.get('to')!;
  }
  return out;
}

// The cursors of the pages before this one, for `[` (the API pages forward only).
const PAGES_KEY = 'hudud.alerts.pages';
function pageStack(filterKey: string): number[] {
  try {
    const s = JSON.parse(sessionStorage.getItem(PAGES_KEY) ?? 'null');
    return s && s.key === filterKey ? s.starts : [];
  } catch {
    return [];
  }
}
function savePageStack(filterKey: string, starts: number[]): void {
  sessionStorage.setItem(PAGES_KEY, JSON.stringify({ key: filterKey, starts }));
}

export function AlertQueue(_props: { params: Record<string, string> }) {
  const t = useT(alertMessages);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <PurposeGate>
        <QueueBody />
      </PurposeGate>
    </>
  );
}

function QueueBody() {
  const t = useT(alertMessages);
  const tc = useT(common);
  const locale = useLocale();
  const session = useSession();
  const { query: q } = useLocation();
  const filters = queueQuery(q, session.me);
  const filterKey = JSON.stringify(filters);
  const before = Number(q.get('before') ?? 0) || 0;
  const purpose = session.purpose;
  const page = useLoad(
    (signal) =>
      api<AlertPage>('/v1/alerts', {
        query: { ...filters, before: before || null, limit: PAGE },
        purpose,
        signal,
      }),
    [filterKey, before, purpose],
  );
  const [selected, setSelected] = useState(-1); // none until j or ↓
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const filterRef = useRef<HTMLFormElement>(null);
  const alerts = page.data?.alerts ?? [];
  const starts = pageStack(filterKey);

  // A new page: the alert last opened stays selected if it is on it.
  useEffect(() => {
    if (!page.data) return;
    const last = recallQueue()?.selected;
    setSelected(page.data.alerts.findIndex((a) => a.id === last));
  }, [page.data]);

  // For the alert view's next/previous and the way back (also written as an
  // alert is opened: this effect may not have run by then).
  const remember = (id: number | null) =>
    rememberQueue({ filters, search: location.search, ids: alerts.map((a) => a.id), selected: id });
  useEffect(() => {
    if (!page.data) return;
    remember(alerts[selected]?.id ?? null);
    document
      .querySelector(`[data-testid=alert-row][data-index="${selected}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [page.data, selected]);

  const setFilter = (key: string, value: string | null) => {
    savePageStack('', []);
    setQuery({ [key]: value, before: null });
  };
  const nextPage = () => {
    if (!page.data?.next) return;
    savePageStack(filterKey, [...starts, before]);
    setQuery({ before: String(page.data.next) });
  };
  const previousPage = () => {
    if (!before) return;
    savePageStack(filterKey, starts.slice(0, -1));
    const previous = starts[starts.length - 1];
    setQuery({ before: previous ? String(previous) : null });
  };
  const current = alerts[selected] as Alert | undefined;
  const open = (a: Alert | undefined, decide?: string) => {
    if (!a) return;
    remember(a.id);
    navigate(`/alerts/${a.id}${decide ? `?decide=${decide}` : ''}`);
  };
  const assignToMe = async (a: Alert | undefined) => {
    if (!a) return;
    setNote(null);
    setActionError(null);
    try {
      await api(`/v1/alerts/${a.id}/assign`, { body: {}, purpose });
      setNote(t('assignedToMe', { id: String(a.id) }));
      page.reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const move = (by: number) =>
    setSelected((i) => Math.max(0, Math.min(alerts.length - 1, i + by)));

  useKeys({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    Enter: () => open(current),
    a: () => assignToMe(current),
    f: () => open(current, 'false-positive'),
    c: () => open(current, 'confirmed'),
    i: () => open(current, 'inconclusive'),
    '/': () => filterRef.current?.querySelector<HTMLElement>('select, input')?.focus(),
    '[': previousPage,
    ']': nextPage,
  });

  const first = starts.length * PAGE + 1;
  return (
    <div class="queue-layout">
      <div class="queue-main">
        <QueueFilters formRef={filterRef} query={q} setFilter={setFilter} />
        <p
          class="queue-count"
          aria-live="polite"
          data-testid="queue-total"
          data-total={page.data?.total}
        >
          {page.data && (
            <>
              <strong>{t('total', { n: formatNumber(locale, page.data.total) })}</strong>
              {alerts.length > 0 && (
                <span class="muted">
                  {' · '}
                  {t('range', {
                    from: formatNumber(locale, first),
                    to: formatNumber(locale, first + alerts.length - 1),
                    total: formatNumber(locale, page.data.total),
                  })}
                </span>
              )}
            </>
          )}
        </p>
        {note && (
          <p class="ok-note" role="status">
            {note}
          </p>
        )}
        {actionError !== null && <ErrorBox error={actionError} />}
        {page.error !== null && <ErrorBox error={page.error} onRetry={page.reload} />}
        {page.loading && !page.data && <Loading />}
        {page.data && alerts.length === 0 && <p class="muted">{t('empty')}</p>}
        {alerts.length > 0 && (
          <QueueTable
            alerts={alerts}
            selected={selected}
            onSelect={(i) => {
              setSelected(i);
              remember(alerts[i].id); // a click on the row's link opens the alert at once
            }}
          />
        )}
        <Pager
          hasPrevious={before > 0}
          hasNext={!!page.data?.next}
          onPrevious={previousPage}
          onNext={nextPage}
          label={t('pagesLabel')}
        />
        {page.loading && page.data && <span class="muted">{tc('loading')}</span>}
      </div>
      <KeyHelp
        items={[
          [['j', 'k', '↓', '↑'], t('keyMove')],
          [['Enter'], t('keyOpen')],
          [['a'], t('keyAssign')],
          [['f', 'c', 'i'], t('keyDecide')],
          [['/'], t('keyFilter')],
          [['[', ']'], t('keyPages')],
        ]}
      />
    </div>
  );
}

function QueueFilters(props: {
  formRef: { current: HTMLFormElement | null };
  query: URLSearchParams;
  setFilter: (key: string, value: string | null) => void;
}) {
  const t = useT(alertMessages);
  const session = useSession();
  const q = props.query;
  const lists = useLoad(
    (signal) =>
      api<{ lists: { list: string }[] }>('/v1/lists', { purpose: session.purpose, signal }),
    [],
  );
  const value = (e: Event) => (e.target as HTMLInputElement).value || null;
  const select = (key: string, label: string, options: [string, string][], fallback = '') => (
    <label>
      {label}
      <select
        id={`queue-${key}`}
        value={q.get(key) ?? fallback}
        onChange={(e) => props.setFilter(key, value(e))}
      >
        {options.map(([v, text]) => (
          <option value={v} key={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const listIds = lists.data?.lists.map((l) => l.list) ?? [];
  const list = q.get('list');
  if (list && !listIds.includes(list)) listIds.push(list);
  const assignee = q.get('assignee');
  const assignees: [string, string][] = [
    ['', t('assigneeAny')],
    ['unassigned', t('unassigned')],
    ['mine', t('mine')],
  ];
  if (assignee && !['unassigned', 'mine'].includes(assignee)) assignees.push([assignee, assignee]);
  return (
    <form
      ref={props.formRef}
      class="inline-form queue-filters card"
      role="search"
      aria-label={t('filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      {select('list', t('list'), [
        ['', t('anyList')],
        ...listIds.map((l): [string, string] => [l, l]),
      ])}
      <label>
        {t('minScore')}
        <FilterInput
          id="queue-min_score"
          type="number"
          min="0"
          max="1"
          step="0.01"
          value={q.get('min_score') ?? ''}
          commit={(v) => props.setFilter('min_score', v)}
        />
      </label>
      <label>
        {t('flight')}
        <FilterInput
          id="queue-flight"
          size={8}
          value={q.get('flight') ?? ''}
          commit={(v) => props.setFilter('flight', v.toUpperCase().replace(/\s+/g, ''))}
        />
      </label>
      {select('age', t('age'), [
        ['', t('ageAny')],
        ['today', t('ageToday')],
        ['7d', t('age7')],
        ['30d', t('age30')],
        ['between', t('ageBetween')],
      ])}
      {q.get('age') === 'between' && (
        <>
          <label>
            {t('from')}
            <FilterInput
              id="queue-from"
              type="date"
              value={q.get('from') ?? ''}
              commit={(v) => props.setFilter('from', v)}
            />
          </label>
          <label>
            {t('to')}
            <FilterInput
              id="queue-to"
              type="date"
              value={q.get('to') ?? ''}
              commit={(v) => props.setFilter('to', v)}
            />
          </label>
        </>
      )}
      {select(
        'status',
        t('status'),
        [
          ['open', t('status_open')],
          ['closed', t('status_closed')],
          ['all', t('statusAll')],
        ],
        'open',
      )}
      {select('assignee', t('assignee'), assignees)}
      {select('source', t('source'), [
        ['', t('anySource')],
        ...SOURCES.map((s): [string, string] => [s, t(`source_${s}`)]),
      ])}
      {select('decision', t('decision'), [
        ['', t('anyDecision')],
        ...DECISIONS.map((d): [string, string] => [d, t(`decision_${d}`)]),
      ])}
      <button
        type="button"
        disabled={!FILTERS.some((k) => q.has(k))}
        onClick={() =>
          setQuery({ ...Object.fromEntries(FILTERS.map((k) => [k, null])), before: null })
        }
      >
        {t('clearFilters')}
      </button>
    </form>
  );
}

// A text filter: typed freely, applied when committed (Enter or leaving the
// field), and following the address when it changes.
function FilterInput(props: {
  id: string;
  value: string;
  commit: (value: string) => void;
  type?: string;
  min?: string;
  max?: string;
  step?: string;
  size?: number;
}) {
  const { value, commit, ...rest } = props;
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      {...rest}
      value={text}
      onInput={(e) => setText((e.target as HTMLInputElement).value)}
      onChange={(e) => commit((e.target as HTMLInputElement).value.trim())}
    />
  );
}

export function StatusBadge(props: { alert: Alert }) {
  const t = useT(alertMessages);
  const a = props.alert;
  return (
    <span class={`badge ${a.decision ?? a.status}`}>
      {a.decision ? codeLabel(t, alertMessages, 'decision_', a.decision) : t(`status_${a.status}`)}
    </span>
  );
}

function QueueTable(props: { alerts: Alert[]; selected: number; onSelect: (i: number) => void }) {
  const t = useT(alertMessages);
  const locale = useLocale();
  return (
    <table class="data queue" aria-label={t('queueCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('colScore')}</th>
          <th scope="col">{t('colSubject')}</th>
          <th scope="col">{t('colListed')}</th>
          <th scope="col">{t('colList')}</th>
          <th scope="col">{t('colSource')}</th>
          <th scope="col">{t('colFlight')}</th>
          <th scope="col">{t('colAge')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colAssignee')}</th>
        </tr>
      </thead>
      <tbody>
        {props.alerts.map((a, i) => {
          const subjectName = a.subject_name ?? subjectOf(a)?.names[0];
          return (
            <tr
              key={a.id}
              data-testid="alert-row"
              data-id={a.id}
              data-index={i}
              data-score={a.score}
              aria-selected={i === props.selected}
              onClick={() => props.onSelect(i)}
            >
              <td>
                <ScoreBar score={a.score} />
              </td>
              <td>
                <Link to={`/alerts/${a.id}`}>
                  {subjectName ? (
                    <NameText name={subjectName} />
                  ) : (
                    <bdi class="code">{a.subject_id}</bdi>
                  )}
                </Link>
              </td>
              <td>
                {a.listed_name ? (
                  <NameText name={a.listed_name} />
                ) : (
                  <bdi class="code">{a.entity_id}</bdi>
                )}
              </td>
              <td>
                <bdi>{a.list}</bdi>
              </td>
              <td>{codeLabel(t, alertMessages, 'source_', a.source)}</td>
              <td>
                <bdi>{a.flight ?? '—'}</bdi>
              </td>
              <td title={a.raised_at}>{formatAge(locale, a.raised_at)}</td>
              <td>
                <StatusBadge alert={a} />
              </td>
              <td>{a.assignee ? <bdi>{a.assignee}</bdi> : <span class="muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
