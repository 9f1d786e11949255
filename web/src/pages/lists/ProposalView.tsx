// One proposal: what it asks, why, the entry as proposed, its history, and
// for list managers approve / reject / publish. Approving one's own is
// refused by the server (four eyes); the button is disabled beforehand.
import { useState } from 'preact/hooks';
import { api, ApiError, can } from '../../api';
import { ErrorBox, Link, Loading, NameText, useLoad } from '../../components/ui';
import { formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { useSession } from '../../session';
import { d } from './designationMessages';
import { EntityCard } from './EntityCard';
import type { Proposal, PublishSummary } from './types';

type Key = keyof (typeof d)['en'];

function label(t: (k: Key) => string, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return key in d.en ? t(key as Key) : code;
}

// A refusal under four eyes said plainly; any other error as usual.
function Refusal(props: { error: unknown }) {
  const t = useT(d);
  const e = props.error;
  if (e instanceof ApiError && e.code === 'four-eyes') {
    return (
      <p class="error" role="alert" data-testid="four-eyes">
        {t('fourEyes')} <bdi>{e.problem.detail}</bdi>
      </p>
    );
  }
  return <ErrorBox error={e} />;
}

export function ProposalView(props: { id: string; onChanged: () => void }) {
  const t = useT(d);
  const locale = useLocale();
  const session = useSession();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<PublishSummary | null>(null);
  const p = useLoad(
    (signal) =>
      api<Proposal>(`/v1/designations/${encodeURIComponent(props.id)}`, {
        purpose: session.purpose,
        signal,
      }),
    [props.id, session.purpose],
  );

  const act = async (step: 'approve' | 'reject' | 'publish') => {
    setBusy(true);
    setError(null);
    try {
      const body = step === 'publish' ? {} : note.trim() ? { note: note.trim() } : {};
      const answer = await api<PublishSummary>(`/v1/designations/${props.id}/${step}`, {
        body,
        purpose: session.purpose,
      });
      if (step === 'publish') setPublished(answer);
      setNote('');
      p.reload();
      props.onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (p.loading && !p.data) return <Loading />;
  if (p.error) return <ErrorBox error={p.error} onRetry={p.reload} />;
  const prop = p.data;
  if (!prop) return null;
  const own = prop.proposed_by === session.me.user;
  const decides = can(session.me, 'designations-decide');
  const open = prop.state === 'proposed' || prop.state === 'approved';

  return (
    <section class="card" aria-labelledby="proposal-title" data-testid="proposal">
      <h2 id="proposal-title">
        {t('proposal')} <bdi dir="ltr">#{prop.id}</bdi>{' '}
        <span class={`badge prop-${prop.state}`} data-testid="proposal-state">
          {label(t, 'state_', prop.state)}
        </span>
      </h2>
      <p>
        <strong>{label(t, 'action_', prop.action)}</strong> <NameText name={prop.name} /> —{' '}
        <Link to={`/lists/${encodeURIComponent(prop.list)}`}>
          <bdi dir="ltr">{prop.entity_id}</bdi>
        </Link>
      </p>
      <dl class="entity-facts">
        <dt>{t('colProposed')}</dt>
        <dd>
          <bdi>{prop.proposed_by}</bdi>, {formatDateTime(locale, prop.proposed_at)}
        </dd>
        {prop.decided_by && (
          <>
            <dt>{t('colDecided')}</dt>
            <dd>
              <bdi>{prop.decided_by}</bdi>, {formatDateTime(locale, prop.decided_at)}
            </dd>
          </>
        )}
        {prop.decision_note && (
          <>
            <dt>{t('decisionNote')}</dt>
            <dd>
              <bdi>{prop.decision_note}</bdi>
            </dd>
          </>
        )}
        {prop.published_version > 0 && (
          <>
            <dt>{t('state_published')}</dt>
            <dd>
              <Link to={`/lists/${encodeURIComponent(prop.list)}?to=${prop.published_version}`}>
                {t('versionN', { version: formatNumber(locale, prop.published_version) })}
              </Link>
            </dd>
          </>
        )}
      </dl>
      <h3>{t('reasons')}</h3>
      <p class="entity-comments" dir="auto">
        {prop.reasons}
      </p>
      {prop.evidence.length > 0 && (
        <>
          <h3>{t('evidence')}</h3>
          <ul>
            {prop.evidence.map((e, i) => (
              <li key={i} dir="auto">
                {e}
              </li>
            ))}
          </ul>
        </>
      )}

      {decides && open && (
        <div class="decide">
          {prop.state === 'proposed' && own && (
            <p class="field-hint" id="own-proposal">
              {t('ownProposal')}
            </p>
          )}
          <label for="decision-note">{t('note')}</label>
          <textarea
            id="decision-note"
            rows={2}
            value={note}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
          <div class="button-row">
            {prop.state === 'proposed' && (
              <button
                type="button"
                class="primary"
                disabled={busy || own}
                aria-describedby={own ? 'own-proposal' : undefined}
                onClick={() => act('approve')}
              >
                {t('approve')}
              </button>
            )}
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => (note.trim() ? act('reject') : setError(new Error(t('noteRequired'))))}
            >
              {t('reject')}
            </button>
            {prop.state === 'approved' && (
              <button type="button" class="primary" disabled={busy} onClick={() => act('publish')}>
                {t('publish', { list: prop.list })}
              </button>
            )}
          </div>
          {prop.state === 'approved' && <p class="field-hint">{t('publishHint')}</p>}
        </div>
      )}
      {!!error && <Refusal error={error} />}
      {published && (
        <div class="ok-note" role="status" data-testid="published">
          {t('publishedDone', {
            list: published.list,
            version: formatNumber(locale, published.version),
            added: formatNumber(locale, published.added),
            changed: formatNumber(locale, published.changed),
            removed: formatNumber(locale, published.removed),
          })}{' '}
          <Link to={`/lists/${encodeURIComponent(published.list)}`}>{t('seeChanges')}</Link>
        </div>
      )}

      {prop.entity && (
        <>
          <h3>{t('entryProposed')}</h3>
          <EntityCard entity={prop.entity} />
        </>
      )}
      {prop.events && prop.events.length > 0 && (
        <>
          <h3>{t('history')}</h3>
          <ol class="proposal-events">
            {prop.events.map((ev, i) => (
              <li key={i}>
                <strong>{label(t, 'event_', ev.action)}</strong> — <bdi>{ev.actor}</bdi>,{' '}
                {formatDateTime(locale, ev.at)}
                {ev.detail && (
                  <div class="muted" dir="auto">
                    {ev.detail}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
