// One alert: the subject beside the listed entry, why they matched (the
// names side by side, token by token, and the evidence), the history, and
// the analyst's actions. Every action reloads the alert as the server has it.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, can } from '../../api';
import {
  ErrorBox,
  Link,
  Loading,
  NameText,
  PageTitle,
  PurposeGate,
  useLoad,
} from '../../components/ui';
import { formatDate, formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { navigate, setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import './alerts.css';
import { StatusBadge } from './AlertQueue';
import { ActionsPanel } from './ActionsPanel';
import { codeLabel } from './format';
import { KeyHelp } from './KeyHelp';
import { recallQueue, rememberQueue, useKeys } from './keys';
import { alertMessages } from './messages';
import { MatchExplanation, ScoreBar } from './NameMatch';
import {
  AlertDetail,
  AlertPage,
  Decision,
  DECISIONS,
  FtmEntity,
  subjectOf,
} from './types';

export function AlertView(props: { params: Record<string, string> }) {
  const t = useT(alertMessages);
  const id = Number(props.params.id);
  const steps = useQueueSteps(id);
  return (
    <>
      <PageTitle
        actions={
          <>
            <button type="button" disabled={!steps.hasPrevious} onClick={steps.previous}>
              {t('previousAlert')}
            </button>
            <button type="button" onClick={steps.next}>
              {t('nextAlert')}
            </button>
            <Link to={`/network?node=alert:${id}`}>{t('networkLink')}</Link>
            <Link to={steps.queue}>{t('backToQueue')}</Link>
          </>
        }
      >
        {t('alertTitle', { id: String(id) })}
      </PageTitle>
      <PurposeGate>
        <AlertBody id={id} steps={steps} />
      </PurposeGate>
    </>
  );
}

interface Steps {
  queue: string;
  hasPrevious: boolean;
  previous: () => void;
  next: () => void;
}

// Next and previous in the queue's order: the page last shown, and past its
// end the next older alert under the same filters (one row, `before=id`).
function useQueueSteps(id: number): Steps {
  const session = useSession();
  const memory = recallQueue();
  const ids = memory?.ids ?? [];
  const at = ids.indexOf(id);
  const go = (to: number) => {
    if (memory) rememberQueue({ ...memory, selected: to });
    navigate(`/alerts/${to}`);
  };
  return {
    queue: `/alerts${memory?.search ?? ''}`,
    hasPrevious: at > 0,
    previous: () => at > 0 && go(ids[at - 1]),
    next: () => {
      if (at >= 0 && at < ids.length - 1) return go(ids[at + 1]);
      api<AlertPage>('/v1/alerts', {
        query: { ...(memory?.filters ?? { status: 'open' }), before: id, limit: 1 },
        purpose: session.purpose,
      })
        .then((p) => p.alerts[0] && go(p.alerts[0].id))
        .catch(() => {});
    },
  };
}

function AlertBody(props: { id: number; steps: Steps }) {
  const t = useT(alertMessages);
  const session = useSession();
  const { query } = useLocation();
  const purpose = session.purpose;
  const alert = useLoad(
    (signal) => api<AlertDetail>(`/v1/alerts/${props.id}`, { purpose, signal }),
    [props.id, purpose],
  );
  // Not the previous alert's data while the next one loads (n, p).
  const a = alert.data?.id === props.id ? alert.data : null;
  const mayDecide = can(session.me, 'alerts-decide');
  const asked = query.get('decide');
  const [deciding, setDeciding] = useState<Decision | null>(
    DECISIONS.includes(asked as Decision) ? (asked as Decision) : null,
  );
  useEffect(() => {
    if (asked) setQuery({ decide: null });
    setDeciding(DECISIONS.includes(asked as Decision) ? (asked as Decision) : null);
  }, [props.id]);

  const decide = (d: Decision) => mayDecide && a?.status === 'open' && setDeciding(d);
  useKeys({
    f: () => decide('false-positive'),
    c: () => decide('confirmed'),
    i: () => decide('inconclusive'),
    Escape: () => (deciding ? setDeciding(null) : navigate(props.steps.queue)),
    n: props.steps.next,
    p: props.steps.previous,
  });

  if (alert.error) return <ErrorBox error={alert.error} onRetry={alert.reload} />;
  if (!a) return <Loading />;
  return (
    <div class="alert-view" data-testid="alert-view" data-alert={a.id}>
      <AlertSummary alert={a} />
      <section class="card" aria-labelledby="why-title">
        <h2 id="why-title">{t('explanationHeading')}</h2>
        {/* As kept when the alert was raised: the list entry may have changed since. */}
        {a.explanation ? (
          <MatchExplanation explanation={a.explanation} />
        ) : (
          <p class="muted">{t('noExplanation')}</p>
        )}
      </section>
      <div class="grid2">
        <SubjectCard alert={a} />
        <EntityCard alert={a} entity={a.entity} />
      </div>
      <div class="grid2">
        {mayDecide ? (
          <ActionsPanel
            alert={a}
            deciding={deciding}
            setDeciding={setDeciding}
            onChanged={alert.reload}
          />
        ) : (
          <p class="muted">{t('readOnly')}</p>
        )}
        <History alert={a} />
      </div>
      <KeyHelp
        items={[
          [['f', 'c', 'i'], t('keyDecide')],
          [['Ctrl', 'Enter'], t('keySubmit')],
          [['n', 'p'], t('keyNextPrev')],
          [['Esc'], t('keyBack')],
        ]}
      />
    </div>
  );
}

function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function AlertSummary(props: { alert: AlertDetail }) {
  const t = useT(alertMessages);
  const locale = useLocale();
  const a = props.alert;
  return (
    <section class="card alert-summary" aria-label={t('alertTitle', { id: String(a.id) })}>
      <div class="alert-score">
        <ScoreBar score={a.score} />
        <StatusBadge alert={a} />
        <code class="summary" dir="ltr">
          {a.summary}
        </code>
      </div>
      <dl class="al-fields">
        <Field label={t('metaList')}>
          <bdi>{a.list}</bdi> · <bdi class="code">{a.entity_id}</bdi>
        </Field>
        <Field label={t('metaSource')}>
          {codeLabel(t, alertMessages, 'source_', a.source)}
          {a.source === 'monitoring' && ` (${codeLabel(t, alertMessages, 'trigger_', a.trigger)})`}
        </Field>
        {a.case && (
          <Field label={t('metaCase')}>
            <bdi class="code">{a.case}</bdi>
          </Field>
        )}
        {a.flight && (
          <Field label={t('metaFlight')}>
            <bdi>{a.flight}</bdi>
          </Field>
        )}
        <Field label={t('metaRaised')}>{formatDateTime(locale, a.raised_at)}</Field>
        {a.designated_at && (
          <Field label={t('metaListed')}>{formatDate(locale, a.designated_at)}</Field>
        )}
        {a.imported_at && (
          <Field label={t('metaImported')}>{formatDateTime(locale, a.imported_at)}</Field>
        )}
        <Field label={t('metaAssignee')}>
          {a.assignee ? <bdi>{a.assignee}</bdi> : t('notAssigned')}
        </Field>
        {a.decision && (
          <Field label={t('metaDecision')}>
            {t('decidedLine', {
              decision: codeLabel(t, alertMessages, 'decision_', a.decision),
              user: a.decided_by ?? '—',
              date: formatDateTime(locale, a.decided_at),
            })}
          </Field>
        )}
        {a.justification && (
          <Field label={t('metaJustification')}>
            <bdi data-testid="justification">{a.justification}</bdi>
          </Field>
        )}
        {a.outcome && (
          <Field label={t('metaOutcome')}>
            {codeLabel(t, alertMessages, 'outcome_', a.outcome)}
          </Field>
        )}
        {a.closed_at && (
          <Field label={t('metaClosed')}>{formatDateTime(locale, a.closed_at)}</Field>
        )}
      </dl>
    </section>
  );
}

function SubjectCard(props: { alert: AlertDetail }) {
  const t = useT(alertMessages);
  const locale = useLocale();
  const a = props.alert;
  const s = subjectOf(a);
  return (
    <section class="card side subject-side" aria-labelledby="subject-title">
      <h2 id="subject-title">
        {t(a.source === 'monitoring' ? 'subjectHeading' : 'travellerHeading')}
      </h2>
      {a.depersonalised || typeof a.subject === 'string' ? (
        <p class="muted">{t('masked')}</p>
      ) : (
        <dl class="al-fields">
          <Field label={t('names')}>
            <ul class="names">
              {(s?.names ?? []).map((n) => (
                <li key={n}>
                  <NameText name={n} />
                </li>
              ))}
            </ul>
          </Field>
          {s?.dob && <Field label={t('dob')}>{formatDate(locale, s.dob)}</Field>}
          {s?.nationality && (
            <Field label={t('nationality')}>
              <bdi>{s.nationality}</bdi>
            </Field>
          )}
          {s?.document && (
            <Field label={t('document')}>
              <bdi class="code">{s.document}</bdi>{' '}
              {s.documentCountry && <bdi>({s.documentCountry})</bdi>}
            </Field>
          )}
          {s?.gender && <Field label={t('gender')}>{s.gender}</Field>}
          {s?.kind && <Field label={t('kind')}>{s.kind}</Field>}
          <Field label={t('subjectId')}>
            <bdi class="code">{a.subject_id}</bdi>
          </Field>
        </dl>
      )}
    </section>
  );
}

function EntityCard(props: { alert: AlertDetail; entity: FtmEntity | null }) {
  const t = useT(alertMessages);
  const locale = useLocale();
  const e = props.entity;
  const p = (k: string) => e?.properties[k] ?? [];
  const others = [...p('name'), ...p('alias'), ...p('weakAlias'), ...p('previousName')].filter(
    (n) => n !== e?.caption,
  );
  const documents = [...p('passportNumber'), ...p('idNumber')];
  return (
    <section class="card side entity-side" aria-labelledby="entity-title">
      <h2 id="entity-title">{t('listedHeading')}</h2>
      {!e ? (
        <p class="muted">{t('entityGone')}</p>
      ) : (
        <dl class="al-fields">
          <Field label={t('names')}>
            <NameText name={e.caption} class="caption" />
          </Field>
          {others.length > 0 && (
            <Field label={t('aliases')}>
              <NameList names={others} />
            </Field>
          )}
          {p('birthDate').length > 0 && (
            <Field label={t('dob')}>
              {p('birthDate')
                .map((d) => formatDate(locale, d))
                .join(' · ')}
            </Field>
          )}
          {p('birthPlace').length > 0 && (
            <Field label={t('birthPlace')}>
              <bdi>{p('birthPlace').join(' · ')}</bdi>
            </Field>
          )}
          {(p('nationality').length > 0 || p('citizenship').length > 0) && (
            <Field label={t('nationality')}>
              <bdi>{[...p('nationality'), ...p('citizenship')].join(', ')}</bdi>
            </Field>
          )}
          {documents.length > 0 && (
            <Field label={t('document')}>
              <bdi class="code">{documents.join(' · ')}</bdi>
            </Field>
          )}
          {p('gender').length > 0 && <Field label={t('gender')}>{p('gender').join(', ')}</Field>}
          {p('program').length > 0 && (
            <Field label={t('program')}>
              <bdi>{p('program').join(', ')}</bdi>
            </Field>
          )}
          <Field label={t('metaEntry')}>
            <bdi class="code">{props.alert.entity_id}</bdi>
          </Field>
        </dl>
      )}
      {p('notes').length > 0 && (
        <details class="notes">
          <summary>{t('notes')}</summary>
          <bdi>{p('notes').join(' ')}</bdi>
        </details>
      )}
    </section>
  );
}

// Names one under the other; past the first few, behind a "more".
function NameList(props: { names: string[] }) {
  const t = useT(alertMessages);
  const locale = useLocale();
  const FEW = 5;
  const item = (n: string) => (
    <li key={n}>
      <NameText name={n} />
    </li>
  );
  return (
    <>
      <ul class="names">{props.names.slice(0, FEW).map(item)}</ul>
      {props.names.length > FEW && (
        <details>
          <summary>{t('moreNames', { n: formatNumber(locale, props.names.length - FEW) })}</summary>
          <ul class="names">{props.names.slice(FEW).map(item)}</ul>
        </details>
      )}
    </>
  );
}

function History(props: { alert: AlertDetail }) {
  const t = useT(alertMessages);
  const locale = useLocale();
  const a = props.alert;
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('historyHeading')}</h2>
      <table class="data alert-history" data-testid="history">
        <thead>
          <tr>
            <th scope="col">{t('colWhen')}</th>
            <th scope="col">{t('colWho')}</th>
            <th scope="col">{t('colWhat')}</th>
            <th scope="col">{t('colDetail')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{formatDateTime(locale, a.raised_at)}</td>
            <td>—</td>
            <td>{t('event_raised')}</td>
            <td>{codeLabel(t, alertMessages, 'trigger_', a.trigger)}</td>
          </tr>
          {a.events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(locale, e.at)}</td>
              <td>
                <bdi>{e.actor}</bdi>
              </td>
              <td>{codeLabel(t, alertMessages, 'event_', e.action)}</td>
              <td>
                <bdi>{e.detail}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.events.length === 0 && <p class="muted">{t('noHistory')}</p>}
    </section>
  );
}

