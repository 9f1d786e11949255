// Unmasking under four eyes: an analyst asks to see a depersonalised record
// again and, once approved, reads the original; the data-protection officer
// sees every request and approves or rejects it (never their own).
import { useState } from 'preact/hooks';
import { api, ApiError, can } from '../../api';
import { ErrorBox, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import './audit.css';
import { OriginalView, Unmasked } from './OriginalView';
import { um } from './unmask-messages';

export interface UnmaskRequest {
  id: number;
  object: string;
  reason: string;
  purpose: string;
  requested_by: string;
  requested_at: string;
  state: 'pending' | 'approved' | 'rejected';
  decided_by: string;
  decided_at: string;
  decision_note: string;
  expires_at: string;
}

const STATES = ['pending', 'approved', 'rejected'] as const;

export function UnmaskPage(_props: { params: Record<string, string> }) {
  const t = useT(um);
  const { me } = useSession();
  const approver = can(me, 'unmask-approve');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{approver ? t('introApprover') : t('introRequester')}</p>
      <PurposeGate>
        <Requests approver={approver} requester={can(me, 'unmask-request')} />
      </PurposeGate>
    </>
  );
}

function Requests(props: { approver: boolean; requester: boolean }) {
  const t = useT(um);
  const session = useSession();
  const { query } = useLocation();
  const state = query.get('state') ?? '';
  const list = useLoad(
    (signal) =>
      api<{ requests: UnmaskRequest[] }>('/v1/unmask-requests', {
        query: { state, limit: 1000 },
        purpose: session.purpose,
        signal,
      }),
    [state, session.purpose],
  );
  const [reading, setReading] = useState<number | null>(null);
  return (
    <>
      {props.requester && <FileRequest onFiled={list.reload} />}
      <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
        <label for="unmask-state">
          {t('stateFilter')}
          <select
            id="unmask-state"
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
        <RequestsTable
          requests={list.data.requests}
          approver={props.approver}
          onDecided={list.reload}
          onRead={setReading}
        />
      )}
      {reading !== null && (
        <ReadOriginal key={reading} id={reading} onClose={() => setReading(null)} />
      )}
    </>
  );
}

function FileRequest(props: { onFiled: () => void }) {
  const t = useT(um);
  const session = useSession();
  const { query } = useLocation();
  const [object, setObject] = useState(query.get('object') ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<number | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFiled(null);
    try {
      const r = await api<UnmaskRequest>('/v1/unmask-requests', {
        body: { object: object.trim(), reason },
        purpose: session.purpose,
      });
      setFiled(r.id);
      setReason('');
      props.onFiled();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="unmask-file-title">
      <h2 id="unmask-file-title">{t('fileTitle')}</h2>
      <form onSubmit={submit}>
        <label for="unmask-object">{t('object')}</label>
        <input
          id="unmask-object"
          dir="ltr"
          required
          placeholder={t('objectHint')}
          aria-describedby="unmask-object-hint"
          value={object}
          onInput={(e) => setObject((e.target as HTMLInputElement).value)}
        />{' '}
        <span id="unmask-object-hint" class="muted">
          <bdi dir="ltr">{t('objectHint')}</bdi>
        </span>
        <label for="unmask-reason">{t('reason')}</label>
        <textarea
          id="unmask-reason"
          required
          minLength={10}
          value={reason}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
        <p class="muted">{t('purposeNote', { purpose: session.purpose ?? '' })}</p>
        {error !== null && <ErrorBox error={error} />}
        {filed !== null && (
          <p class="ok-note" role="status">
            {t('filed', { id: filed })}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('filing') : t('file')}
        </button>
      </form>
    </section>
  );
}

function RequestsTable(props: {
  requests: UnmaskRequest[];
  approver: boolean;
  onDecided: () => void;
  onRead: (id: number) => void;
}) {
  const t = useT(um);
  const locale = useLocale();
  const { me } = useSession();
  const now = Date.now();
  return (
    <div class="table-scroll">
      <table class="data" aria-label={t('tableLabel')}>
        <thead>
          <tr>
            <th class="num">{t('colId')}</th>
            <th>{t('colObject')}</th>
            <th>{t('colBy')}</th>
            <th>{t('colPurpose')}</th>
            <th>{t('colReason')}</th>
            <th>{t('colAt')}</th>
            <th>{t('colState')}</th>
            <th>{t('colDecision')}</th>
          </tr>
        </thead>
        <tbody>
          {props.requests.map((r) => {
            const expired =
              r.state === 'approved' && !!r.expires_at && Date.parse(r.expires_at) <= now;
            const own = r.requested_by === me.user;
            return (
              <tr key={r.id} data-testid={`unmask-${r.id}`}>
                <td class="num">{r.id}</td>
                <td>
                  <bdi dir="ltr" class="audit-object">
                    {r.object}
                  </bdi>
                </td>
                <td>
                  <bdi>{r.requested_by}</bdi>
                </td>
                <td class="nowrap">
                  <bdi dir="ltr">{r.purpose}</bdi>
                </td>
                <td>
                  <bdi dir="auto">{r.reason}</bdi>
                </td>
                <td class="nowrap">{formatDateTime(locale, r.requested_at)}</td>
                <td>
                  <span class={`badge ${expired ? 'expired' : r.state}`}>
                    {expired ? t('expired') : t(`state_${r.state}`)}
                  </span>
                </td>
                <td>
                  {r.state !== 'pending' ? (
                    <>
                      <div>
                        {t('decidedBy', {
                          user: r.decided_by,
                          at: formatDateTime(locale, r.decided_at),
                        })}
                      </div>
                      {r.decision_note && (
                        <div>
                          <bdi dir="auto">{r.decision_note}</bdi>
                        </div>
                      )}
                      {r.state === 'approved' && !expired && (
                        <div class="muted">
                          {t('validUntil', { at: formatDateTime(locale, r.expires_at) })}
                        </div>
                      )}
                      {r.state === 'approved' && !expired && own && (
                        <button type="button" class="primary" onClick={() => props.onRead(r.id)}>
                          {t('read')}
                        </button>
                      )}
                    </>
                  ) : props.approver && own ? (
                    <span class="muted">{t('own')}</span>
                  ) : props.approver ? (
                    <DecideForm request={r} onDecided={props.onDecided} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const VALIDITY: [string, number][] = [
  ['v1h', 3600],
  ['v4h', 4 * 3600],
  ['v24h', 24 * 3600],
  ['v3d', 3 * 86400],
  ['v7d', 7 * 86400],
];

function DecideForm(props: { request: UnmaskRequest; onDecided: () => void }) {
  const t = useT(um);
  const session = useSession();
  const id = props.request.id;
  const [note, setNote] = useState('');
  const [validity, setValidity] = useState(86400);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/v1/unmask-requests/${id}/${approve ? 'approve' : 'reject'}`, {
        body: approve ? { note, valid_for_seconds: validity } : { note },
        purpose: session.purpose,
      });
      props.onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="decide-form"
      onSubmit={(e) => {
        e.preventDefault();
        decide(true);
      }}
    >
      <label for={`unmask-note-${id}`}>
        {t('note')}
        <input
          id={`unmask-note-${id}`}
          required
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </label>
      <label for={`unmask-validity-${id}`}>
        {t('validity')}
        <select
          id={`unmask-validity-${id}`}
          value={validity}
          onChange={(e) => setValidity(Number((e.target as HTMLSelectElement).value))}
        >
          {VALIDITY.map(([key, seconds]) => (
            <option value={seconds} key={key}>
              {t(key as 'v1h')}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary" disabled={busy}>
        {t('approve')}
      </button>
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={(e) => {
          const form = (e.target as HTMLElement).closest('form')!;
          if (form.reportValidity()) decide(false);
        }}
      >
        {t('reject')}
      </button>
      {error !== null &&
        (error instanceof ApiError && error.code === 'four-eyes' ? (
          <p class="error" role="alert">
            {t('fourEyes')} <bdi dir="ltr">{error.problem.detail}</bdi>
          </p>
        ) : (
          <ErrorBox error={error} />
        ))}
    </form>
  );
}

function ReadOriginal(props: { id: number; onClose: () => void }) {
  const t = useT(um);
  const session = useSession();
  const data = useLoad(
    (signal) =>
      api<Unmasked>(`/v1/unmask-requests/${props.id}/data`, { purpose: session.purpose, signal }),
    [props.id, session.purpose],
  );
  return (
    <section class="card unmasked" aria-labelledby="unmask-original-title" data-testid="unmasked">
      <h2 id="unmask-original-title">
        {t('readTitle', { object: data.data?.object ?? '' })}
      </h2>
      <p class="muted">{t('readNote')}</p>
      {data.error ? (
        <ErrorBox error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading />
      ) : (
        <OriginalView data={data.data} />
      )}
      <button type="button" onClick={props.onClose}>
        {t('hide')}
      </button>
    </section>
  );
}
