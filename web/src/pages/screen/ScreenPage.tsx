// Screening by hand: a name (POST /v1/screen) or a travel document's MRZ
// (POST /v1/mrz). An analyst sees the matches with their explanations; a
// border officer sees clear or refer and the case reference, never whom it
// matched (the server leaves that out).
import { useState } from 'preact/hooks';
import { api, can } from '../../api';
import { ErrorBox, Link, NameText, PageTitle, PurposeGate } from '../../components/ui';
import { formatDate, formatNumber, useLocale, useT } from '../../i18n';
import { useSession } from '../../session';
import '../alerts/alerts.css';
import { codeLabel } from '../alerts/format';
import { MatchExplanation, ScoreBar } from '../alerts/NameMatch';
import type { Match } from '../alerts/types';
import { screenMessages } from './messages';
import './screen.css';

interface Answer {
  decision: 'clear' | 'refer';
  reference: string;
  matches?: Match[]; // for whoever may see the match
  cleared?: Match[];
}

interface ScreenAnswer extends Answer {
  alerts?: number; // raised for the analysts (a border officer's refer)
}

// GET /v1/cases/{reference}: what became of a referral, nothing of the file.
interface CaseState {
  state: string;
  alerts: number;
  confirmed: number;
  false_positive: number;
}

interface MrzAnswer extends Answer {
  document: {
    format: string;
    code: string;
    issuing_state: string;
    number: string;
    expiry: string;
    expired: boolean | null;
    valid: boolean;
    checks: { field: string; ok: boolean }[];
  };
  reasons: { code: string; detail: string; refer: boolean }[];
  query?: { names: string[]; dob?: string; gender?: string };
  alerts?: number[];
}

export function ScreenPage(_props: { params: Record<string, string> }) {
  const t = useT(screenMessages);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <PurposeGate>
        <div class="screen-page">
          <NameScreening />
          <MrzCheck />
        </div>
      </PurposeGate>
    </>
  );
}

const value = (e: Event) => (e.target as HTMLInputElement).value;

function NameScreening() {
  const t = useT(screenMessages);
  const session = useSession();
  const [form, setForm] = useState({
    names: '',
    dob: '',
    nationality: '',
    doc: '',
    doc_country: '',
    gender: '',
    type: '',
    threshold: '0.8',
  });
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ScreenAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: value(e) });
  const submit = async (e: Event) => {
    e.preventDefault();
    const names = form.names.split('\n').map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) return setError(new Error(t('needName')));
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const body: Record<string, unknown> = { names, threshold: Number(form.threshold) };
      for (const k of ['dob', 'nationality', 'doc', 'doc_country', 'gender', 'type'] as const) {
        if (form[k].trim()) body[k] = form[k].trim();
      }
      setAnswer(await api<ScreenAnswer>('/v1/screen', { body, purpose: session.purpose }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="name-title">
      <h2 id="name-title">{t('nameHeading')}</h2>
      <form onSubmit={submit} class="screen-form" data-testid="screen-form">
        <label for="screen-names">{t('names')}</label>
        <textarea
          id="screen-names"
          rows={2}
          dir="auto"
          value={form.names}
          aria-describedby="screen-names-hint"
          onInput={set('names')}
          onKeyDown={(e) => {
            // Enter screens; Shift+Enter adds another name.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              (e.target as HTMLTextAreaElement).form?.requestSubmit();
            }
          }}
        />
        <p id="screen-names-hint" class="muted small">
          {t('namesHint')}
        </p>
        <div class="inline-form">
          <label>
            {t('dob')}
            <input
              value={form.dob}
              onInput={set('dob')}
              title={t('dobHint')}
              placeholder={t('dobPlaceholder')}
              size={12}
              dir="ltr"
            />
          </label>
          <label>
            {t('nationality')}
            <input value={form.nationality} onInput={set('nationality')} size={8} />
          </label>
          <label>
            {t('document')}
            <input value={form.doc} onInput={set('doc')} size={12} dir="ltr" />
          </label>
          <label>
            {t('documentCountry')}
            <input value={form.doc_country} onInput={set('doc_country')} size={6} />
          </label>
          <label>
            {t('gender')}
            <select value={form.gender} onChange={set('gender')}>
              <option value="">{t('any')}</option>
              <option value="male">{t('gender_male')}</option>
              <option value="female">{t('gender_female')}</option>
            </select>
          </label>
          <label>
            {t('type')}
            <select value={form.type} onChange={set('type')}>
              <option value="">{t('any')}</option>
              {(['person', 'organization', 'vessel', 'aircraft'] as const).map((k) => (
                <option value={k} key={k}>
                  {t(`type_${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('threshold')}
            <input
              type="number"
              min="0"
              max="1"
              step="0.05"
              value={form.threshold}
              onInput={set('threshold')}
              size={5}
            />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('screening') : t('screenButton')}
          </button>
        </div>
      </form>
      {error !== null && <ErrorBox error={error} />}
      {answer && (
        <div class="screen-result" data-testid="screen-result">
          <Verdict
            answer={answer}
            hasCase={(answer.alerts ?? 0) > 0}
            text={
              answer.decision === 'clear'
                ? t('clearText')
                : answer.matches
                  ? t('referMatches')
                  : t('referText')
            }
          />
          {answer.matches && <Matches matches={answer.matches} cleared={answer.cleared ?? []} />}
        </div>
      )}
    </section>
  );
}

// Clear or refer, what it means, the case reference, and (for whoever
// cannot see the match) what became of the case.
function Verdict(props: { answer: Answer; text: string; hasCase: boolean }) {
  const t = useT(screenMessages);
  const session = useSession();
  const a = props.answer;
  const [state, setState] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cleared = (a.cleared?.length ?? 0) > 0;
  const checkCase = async () => {
    setError(null);
    try {
      const c = await api<CaseState>(`/v1/cases/${a.reference}`, { purpose: session.purpose });
      setState(
        t('caseLine', {
          state: codeLabel(t, screenMessages, 'state_', c.state),
          alerts: String(c.alerts),
          confirmed: String(c.confirmed),
          fp: String(c.false_positive),
        }),
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div
      class={`screen-verdict ${a.decision}`}
      role="status"
      data-testid="verdict"
      data-decision={a.decision}
    >
      <strong class="screen-verdict-word">{t(`decision_${a.decision}`)}</strong>
      <p>{props.text}</p>
      {cleared && <p>{t('clearedText')}</p>}
      <p>
        {t('reference')}:{' '}
        <bdi class="code" data-testid="reference">
          {a.reference}
        </bdi>
        {props.hasCase && !can(session.me, 'screen-detail') && (
          <>
            {' '}
            <button type="button" onClick={checkCase}>
              {t('caseState')}
            </button>
          </>
        )}
      </p>
      {state && <p data-testid="case-state">{state}</p>}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}

function MatchCard(props: { match: Match; open: boolean }) {
  const t = useT(screenMessages);
  const m = props.match;
  return (
    <details class="match card" open={props.open} data-testid="match" data-entity={m.entity_id}>
      <summary>
        <ScoreBar score={m.score} /> <NameText name={m.matched_name} class="caption" />{' '}
        <span class="muted">{t('entry', { id: m.entity_id, list: m.list })}</span>
        {m.cleared_by_alert && (
          <>
            {' · '}
            <Link to={`/alerts/${m.cleared_by_alert}`}>
              {t('clearedBy', { id: String(m.cleared_by_alert) })}
            </Link>
          </>
        )}
      </summary>
      <MatchExplanation explanation={m.explanation} />
    </details>
  );
}

function Matches(props: { matches: Match[]; cleared: Match[] }) {
  const t = useT(screenMessages);
  const locale = useLocale();
  return (
    <>
      <h3>{t('matchesHeading', { n: formatNumber(locale, props.matches.length) })}</h3>
      {props.matches.length === 0 && <p class="muted">{t('noMatches')}</p>}
      {props.matches.map((m, i) => (
        <MatchCard key={m.entity_id} match={m} open={i < 3} />
      ))}
      {props.cleared.length > 0 && (
        <>
          <h3>{t('clearedHeading')}</h3>
          {props.cleared.map((m) => (
            <MatchCard key={m.entity_id} match={m} open={false} />
          ))}
        </>
      )}
    </>
  );
}

function MrzCheck() {
  const t = useT(screenMessages);
  const session = useSession();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<MrzAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length < 2 || lines.length > 3) return setError(new Error(t('mrzNeedLines')));
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await api<MrzAnswer>('/v1/mrz', { body: { lines }, purpose: session.purpose }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="mrz-title">
      <h2 id="mrz-title">{t('mrzHeading')}</h2>
      <form onSubmit={submit} class="screen-form" data-testid="mrz-form">
        <label for="mrz-lines">{t('mrzLines')}</label>
        <textarea
          id="mrz-lines"
          class="mrz"
          rows={3}
          dir="ltr"
          spellcheck={false}
          autoComplete="off"
          value={text}
          aria-describedby="mrz-hint"
          onInput={(e) => setText(value(e))}
        />
        <p id="mrz-hint" class="muted small">
          {t('mrzHint')}
        </p>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('checking') : t('checkButton')}
        </button>
      </form>
      {error !== null && <ErrorBox error={error} />}
      {answer && <MrzResult answer={answer} />}
    </section>
  );
}

function MrzResult(props: { answer: MrzAnswer }) {
  const t = useT(screenMessages);
  const locale = useLocale();
  const a = props.answer;
  const d = a.document;
  return (
    <div class="screen-result" data-testid="mrz-result">
      <Verdict
        answer={a}
        hasCase={a.reasons.some((r) => r.code === 'watchlist')}
        text={a.decision === 'clear' ? t('clearMrz') : t('referMrz')}
      />
      <h3>{t('documentHeading')}</h3>
      <dl class="al-fields">
        <div class="field">
          <dt>{t('format')}</dt>
          <dd>
            <bdi>
              {d.format} · {d.code}
            </bdi>
          </dd>
        </div>
        <div class="field">
          <dt>{t('issuingState')}</dt>
          <dd>
            <bdi>{d.issuing_state}</bdi>
          </dd>
        </div>
        <div class="field">
          <dt>{t('number')}</dt>
          <dd>
            <bdi class="code">{d.number}</bdi>
          </dd>
        </div>
        <div class="field">
          <dt>{t('expiry')}</dt>
          <dd>
            {formatDate(locale, d.expiry)}{' '}
            {d.expired !== null && (
              <span class={`badge ${d.expired ? 'refer' : 'clear'}`}>
                {d.expired ? t('expired') : t('notExpired')}
              </span>
            )}
          </dd>
        </div>
        {a.query && (
          <div class="field">
            <dt>{t('holder')}</dt>
            <dd>
              {a.query.names.map((n) => (
                <NameText name={n} key={n} />
              ))}
              {a.query.dob && <> · {formatDate(locale, a.query.dob)}</>}
            </dd>
          </div>
        )}
      </dl>
      <table class="data checks" data-testid="mrz-checks">
        <caption>{t('checksHeading')}</caption>
        <tbody>
          {d.checks.map((c) => (
            <tr key={c.field} data-ok={c.ok}>
              <th scope="row">{codeLabel(t, screenMessages, 'check_', c.field)}</th>
              <td>
                <span class={`badge ${c.ok ? 'clear' : 'refer'}`}>
                  {c.ok ? `✓ ${t('checkOk')}` : `✗ ${t('checkFailed')}`}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.reasons.length > 0 && (
        <>
          <h3>{t('reasonsHeading')}</h3>
          <ul class="mrz-reasons" data-testid="mrz-reasons">
            {a.reasons.map((r, i) => (
              <li key={i}>
                <strong>{codeLabel(t, screenMessages, 'reason_', r.code)}</strong>
                {r.refer && <span class="badge refer">{t('refers')}</span>}:{' '}
                <bdi dir="ltr">{r.detail}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      {a.alerts && a.alerts.length > 0 && (
        <p>
          {t('alertsRaised')}:{' '}
          {a.alerts.map((id) => (
            <span key={id}>
              {' '}
              <Link to={`/alerts/${id}`}>{String(id)}</Link>
            </span>
          ))}
        </p>
      )}
      {a.matches && <Matches matches={a.matches} cleared={a.cleared ?? []} />}
    </div>
  );
}
