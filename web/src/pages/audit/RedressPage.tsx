// Redress: the data-protection officer records a person's request to be
// cleared, reviews it and resolves it (cleared, upheld, rejected); clearing
// makes the alerts it names false positives.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorBox, Loading, NameText, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatDateTime, Translate, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import './audit.css';
import { rm } from './redress-messages';

interface Redress {
  id: number;
  reference: string;
  requester: string;
  contact: string;
  description: string;
  alerts: number[];
  state: State;
  received_at: string;
  received_by: string;
  handler: string | null;
  outcome: string | null;
  closed_at: string | null;
  events?: { id: number; action: string; actor: string; at: string; detail: string }[];
}

const STATES = ['received', 'under-review', 'cleared', 'upheld', 'rejected'] as const;
type State = (typeof STATES)[number];
const RESOLUTIONS = ['cleared', 'upheld', 'rejected'] as const;

export function RedressPage(_props: { params: Record<string, string> }) {
  const t = useT(rm);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{t('intro')}</p>
      <PurposeGate>
        <RedressWork />
      </PurposeGate>
    </>
  );
}

function stateName(t: Translate<keyof (typeof rm)['en']>, s: string): string {
  return (STATES as readonly string[]).includes(s) ? t(`state_${s as State}`) : s;
}

function RedressWork() {
  const t = useT(rm);
  const session = useSession();
  const { query } = useLocation();
  const state = query.get('state') ?? '';
  const ref = query.get('ref');
  const list = useLoad(
    (signal) =>
      api<{ requests: Redress[] }>('/v1/redress', {
        query: { state, limit: 1000 },
        purpose: session.purpose,
        signal,
      }),
    [state, session.purpose],
  );
  return (
    <>
      <FileRedress
        onFiled={(reference) => {
          list.reload();
          setQuery({ ref: reference });
        }}
      />
      {ref && <RedressDetail key={ref} reference={ref} onChanged={list.reload} />}
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <label for="redress-state">
          {t('stateFilter')}
          <select
            id="redress-state"
            value={state}
            onChange={(e) => setQuery({ state: (e.target as HTMLSelectElement).value })}
          >
            <option value="">{t('stateAll')}</option>
            {STATES.map((s) => (
              <option value={s} key={s}>
                {t(`state_${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.error ? (
        <ErrorBox error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.requests.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <RedressTable requests={list.data.requests} selected={ref} />
      )}
    </>
  );
}

function RedressTable(props: { requests: Redress[]; selected: string | null }) {
  const t = useT(rm);
  const locale = useLocale();
  return (
    <div class="table-scroll">
      <table class="data" aria-label={t('tableLabel')}>
        <thead>
          <tr>
            <th>{t('colRef')}</th>
            <th>{t('colRequester')}</th>
            <th>{t('colReceived')}</th>
            <th>{t('colState')}</th>
            <th>{t('colAlerts')}</th>
            <th>{t('colOutcome')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.requests.map((r) => (
            <tr
              key={r.id}
              data-testid={`redress-${r.reference}`}
              aria-selected={props.selected === r.reference ? 'true' : undefined}
            >
              <td>
                <bdi dir="ltr">{r.reference}</bdi>
              </td>
              <td>
                <NameText name={r.requester} />
              </td>
              <td class="nowrap">{formatDateTime(locale, r.received_at)}</td>
              <td>
                <span class={`badge ${r.state}`}>{stateName(t, r.state)}</span>
              </td>
              <td>
                <AlertIds ids={r.alerts} />
              </td>
              <td>
                <bdi dir="auto">{r.outcome ?? ''}</bdi>
              </td>
              <td>
                <button type="button" onClick={() => setQuery({ ref: r.reference })}>
                  {t('open')}
                  <span class="visually-hidden"> {r.reference}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AlertIds(props: { ids: number[] }) {
  return (
    <bdi dir="ltr" class="audit-object">
      {props.ids.map((id) => `#${id}`).join(', ')}
    </bdi>
  );
}

// "12, 40" -> [12, 40]; null when a part is not a positive whole number.
function parseIds(text: string): number[] | null {
  const parts = text.split(/[,\s،]+/).filter(Boolean);
  const ids = parts.map((p) => Number(p.replace(/^#/, '')));
  return ids.every((n) => Number.isInteger(n) && n > 0) ? ids : null;
}

function FileRedress(props: { onFiled: (reference: string) => void }) {
  const t = useT(rm);
  const session = useSession();
  const [form, setForm] = useState({ requester: '', contact: '', description: '', alerts: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const ids = parseIds(form.alerts);
  const input = (name: keyof typeof form) => ({
    id: `redress-${name}`,
    value: form[name],
    onInput: (e: Event) =>
      setForm((f) => ({ ...f, [name]: (e.target as HTMLInputElement).value })),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!ids) return;
    setBusy(true);
    setError(null);
    setFiled(null);
    try {
      const r = await api<Redress>('/v1/redress', {
        body: {
          requester: form.requester,
          description: form.description,
          ...(form.contact ? { contact: form.contact } : {}),
          alerts: ids,
        },
        purpose: session.purpose,
      });
      setFiled(r.reference);
      setForm({ requester: '', contact: '', description: '', alerts: '' });
      props.onFiled(r.reference);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="card">
      <summary>
        <h2 class="inline-heading">{t('fileTitle')}</h2>
      </summary>
      <form onSubmit={submit}>
        <label for="redress-requester">{t('requester')}</label>
        <input {...input('requester')} required dir="auto" />
        <label for="redress-contact">{t('contact')}</label>
        <input {...input('contact')} dir="auto" />
        <label for="redress-description">{t('description')}</label>
        <textarea {...input('description')} required dir="auto" />
        <label for="redress-alerts">{t('alerts')}</label>
        <input
          {...input('alerts')}
          dir="ltr"
          inputMode="numeric"
          aria-invalid={ids ? undefined : 'true'}
          aria-describedby={ids ? undefined : 'redress-alerts-error'}
        />
        {!ids && (
          <p id="redress-alerts-error" class="error">
            {t('badAlerts')}
          </p>
        )}
        {error !== null && <ErrorBox error={error} />}
        {filed && (
          <p class="ok-note" role="status">
            {t('filed', { ref: filed })}
          </p>
        )}
        <p>
          <button type="submit" class="primary" disabled={busy || !ids}>
            {busy ? t('filing') : t('file')}
          </button>
        </p>
      </form>
    </details>
  );
}

function RedressDetail(props: { reference: string; onChanged: () => void }) {
  const t = useT(rm);
  const locale = useLocale();
  const session = useSession();
  const r = useLoad(
    (signal) =>
      api<Redress>(`/v1/redress/${encodeURIComponent(props.reference)}`, {
        purpose: session.purpose,
        signal,
      }),
    [props.reference, session.purpose],
  );
  const changed = () => {
    r.reload();
    props.onChanged();
  };
  if (r.error) return <ErrorBox error={r.error} onRetry={r.reload} />;
  if (!r.data) return <Loading />;
  const d = r.data;
  return (
    <section class="card" aria-labelledby="redress-detail-title" data-testid="redress-detail">
      <h2 id="redress-detail-title">
        {t('detailTitle', { ref: d.reference })}{' '}
        <span class={`badge ${d.state}`}>{stateName(t, d.state)}</span>
      </h2>
      <dl class="facts">
        <dt>{t('requester')}</dt>
        <dd>
          <NameText name={d.requester} />
        </dd>
        {d.contact && (
          <>
            <dt>{t('contact')}</dt>
            <dd>
              <bdi dir="auto">{d.contact}</bdi>
            </dd>
          </>
        )}
        <dt>{t('description')}</dt>
        <dd>
          <bdi dir="auto">{d.description}</bdi>
        </dd>
        <dt>{t('colAlerts')}</dt>
        <dd>{d.alerts.length > 0 ? <AlertIds ids={d.alerts} /> : t('noAlerts')}</dd>
        <dt>{t('colReceived')}</dt>
        <dd>
          {t('receivedBy', { user: d.received_by, at: formatDateTime(locale, d.received_at) })}
        </dd>
        {d.handler && (
          <>
            <dt>{t('handler')}</dt>
            <dd>
              <bdi>{d.handler}</bdi>
            </dd>
          </>
        )}
        {d.outcome && (
          <>
            <dt>{t('colOutcome')}</dt>
            <dd>
              <bdi dir="auto">{d.outcome}</bdi>
            </dd>
          </>
        )}
        {d.closed_at && (
          <>
            <dt>{t('closedAt')}</dt>
            <dd>{formatDateTime(locale, d.closed_at)}</dd>
          </>
        )}
      </dl>
      {d.events && d.events.length > 0 && (
        <>
          <h3>{t('history')}</h3>
          <ol class="history">
            {d.events.map((e) => (
              <li key={e.id}>
                {formatDateTime(locale, e.at)} · <bdi>{e.actor}</bdi> · {stateName(t, e.action)}
                {e.detail && (
                  <>
                    {' '}
                    — <bdi dir="auto">{e.detail}</bdi>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {d.state === 'received' && <ReviewForm reference={d.reference} onDone={changed} />}
      {d.state === 'under-review' && <ResolveForm request={d} onDone={changed} />}
      <button type="button" onClick={() => setQuery({ ref: null })}>
        {t('close')}
      </button>
    </section>
  );
}

// Posts one step of a request and reports its error in place.
function useStep(path: string, onDone: () => void) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (body: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      await api(path, { body, purpose: session.purpose });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ReviewForm(props: { reference: string; onDone: () => void }) {
  const t = useT(rm);
  const [note, setNote] = useState('');
  const step = useStep(`/v1/redress/${props.reference}/review`, props.onDone);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        step.run(note ? { note } : {});
      }}
      aria-labelledby="redress-review-title"
    >
      <h3 id="redress-review-title">{t('reviewTitle')}</h3>
      <label for="redress-review-note">{t('reviewNote')}</label>
      <input
        id="redress-review-note"
        dir="auto"
        value={note}
        onInput={(e) => setNote((e.target as HTMLInputElement).value)}
      />{' '}
      <button type="submit" class="primary" disabled={step.busy}>
        {t('review')}
      </button>
      {step.error !== null && <ErrorBox error={step.error} />}
    </form>
  );
}

function ResolveForm(props: { request: Redress; onDone: () => void }) {
  const t = useT(rm);
  const [state, setState] = useState<(typeof RESOLUTIONS)[number]>('cleared');
  const [outcome, setOutcome] = useState('');
  const step = useStep(`/v1/redress/${props.request.reference}/resolve`, props.onDone);
  const alerts = props.request.alerts;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        step.run({ state, outcome });
      }}
      aria-labelledby="redress-resolve-title"
    >
      <h3 id="redress-resolve-title">{t('resolveTitle')}</h3>
      <label for="redress-resolve-state">{t('resolveState')}</label>
      <select
        id="redress-resolve-state"
        value={state}
        onChange={(e) => setState((e.target as HTMLSelectElement).value as typeof state)}
      >
        {RESOLUTIONS.map((s) => (
          <option value={s} key={s}>
            {t(`state_${s}`)}
          </option>
        ))}
      </select>
      {state === 'cleared' && (
        <p class="ok-note" data-testid="redress-clears">
          {alerts.length > 0
            ? t('clearsAlerts', { alerts: alerts.map((id) => `#${id}`).join(', ') })
            : t('noAlerts')}
        </p>
      )}
      <label for="redress-outcome">{t('outcome')}</label>
      <textarea
        id="redress-outcome"
        required
        dir="auto"
        value={outcome}
        onInput={(e) => setOutcome((e.target as HTMLTextAreaElement).value)}
      />
      <p>
        <button type="submit" class="primary" disabled={step.busy}>
          {t('resolve')}
        </button>
      </p>
      {step.error !== null && <ErrorBox error={step.error} />}
    </form>
  );
}
