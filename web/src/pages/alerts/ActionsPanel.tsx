// What an analyst does to an alert: take it, comment, decide with a
// justification, record the outcome of a confirmed match, reopen. The
// server's rules (at least 10 characters, an outcome only when confirmed)
// are checked here first; its refusals are shown in its own words.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { common } from '../../components/common-messages';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { alertMessages } from './messages';
import { Alert, Decision, DECISIONS, OUTCOMES } from './types';

const MIN_TEXT = 10;
const long = (s: string) => [...s.trim()].length >= MIN_TEXT;

function refusal(e: unknown): string {
  return e instanceof ApiError ? e.problem.detail || e.problem.title || e.message : String(e);
}

export function ActionsPanel(props: {
  alert: Alert;
  deciding: Decision | null;
  setDeciding: (d: Decision | null) => void;
  onChanged: () => void;
}) {
  const t = useT(alertMessages);
  const session = useSession();
  const a = props.alert;
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // Posts one action; true when the server took it.
  const act = async (action: string, body: object): Promise<boolean> => {
    setError(null);
    setDone(false);
    try {
      await api(`/v1/alerts/${a.id}/${action}`, { body, purpose: session.purpose });
      setDone(true);
      props.onChanged();
      return true;
    } catch (e) {
      setError(t('refused', { detail: refusal(e) }));
      return false;
    }
  };
  return (
    <section class="card alert-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actionsHeading')}</h2>
      <p>
        {a.assignee ? t('assignedTo', { user: a.assignee }) : t('notAssigned')}{' '}
        {a.assignee !== session.me.user && (
          <button type="button" onClick={() => act('assign', {})}>
            {t('assignMe')}
          </button>
        )}
      </p>
      {a.status === 'open' && (
        <DecisionForm
          decision={props.deciding}
          setDecision={props.setDeciding}
          submit={(decision, justification) => act('decide', { decision, justification })}
        />
      )}
      {a.decision === 'confirmed' && (
        <OutcomeForm submit={(outcome, detail) => act('outcome', { outcome, detail })} />
      )}
      {a.decision && <ReopenForm submit={(reason) => act('reopen', { reason })} />}
      <CommentForm submit={(text) => act('comment', { text })} />
      {error && (
        <p class="error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
      {done && !error && (
        <p class="ok-note" role="status">
          {t('recorded')}
        </p>
      )}
    </section>
  );
}

// Ctrl+Enter in a text area records the form it is in.
function submitOnCtrlEnter(e: KeyboardEvent) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    (e.target as HTMLTextAreaElement).form?.requestSubmit();
  }
}

function DecisionForm(props: {
  decision: Decision | null;
  setDecision: (d: Decision | null) => void;
  submit: (decision: Decision, justification: string) => Promise<boolean>;
}) {
  const t = useT(alertMessages);
  const tc = useT(common);
  const [text, setText] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.decision) area.current?.focus();
  }, [props.decision]);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!props.decision) return;
    if (!long(text)) {
      setTooShort(true);
      area.current?.focus();
      return;
    }
    setTooShort(false);
    if (await props.submit(props.decision, text.trim())) {
      setText('');
      props.setDecision(null);
    }
  };
  return (
    <form
      class="alert-decide"
      onSubmit={onSubmit}
      aria-labelledby="decide-title"
      data-testid="decide-form"
    >
      <h3 id="decide-title">{t('decideHeading')}</h3>
      <fieldset class="choices">
        <legend class="visually-hidden">{t('decision')}</legend>
        {DECISIONS.map((d) => (
          <label key={d} class={`choice ${d}`}>
            <input
              type="radio"
              name="decision"
              value={d}
              checked={props.decision === d}
              onChange={() => props.setDecision(d)}
            />{' '}
            {t(`decision_${d}`)} <kbd class="kbd">{d === 'false-positive' ? 'f' : d[0]}</kbd>
          </label>
        ))}
      </fieldset>
      {props.decision && (
        <>
          <label for="justification">{t('justification')}</label>
          <textarea
            id="justification"
            ref={area}
            value={text}
            required
            aria-describedby="justification-hint"
            aria-invalid={tooShort}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            onKeyDown={submitOnCtrlEnter}
          />
          <p id="justification-hint" class="muted small">
            {t('justificationHint')}
          </p>
          {tooShort && (
            <p class="error" role="alert" data-testid="too-short">
              {t('tooShort')}
            </p>
          )}
          <div class="form-buttons">
            <button type="submit" class="primary">
              {t('recordDecision')}
            </button>
            <button type="button" onClick={() => props.setDecision(null)}>
              {tc('cancel')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function OutcomeForm(props: { submit: (outcome: string, detail: string) => Promise<boolean> }) {
  const t = useT(alertMessages);
  const [outcome, setOutcome] = useState<string>(OUTCOMES[0]);
  const [detail, setDetail] = useState('');
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await props.submit(outcome, detail.trim())) setDetail('');
      }}
    >
      <label>
        {t('outcome')}
        <select value={outcome} onChange={(e) => setOutcome((e.target as HTMLSelectElement).value)}>
          {OUTCOMES.map((o) => (
            <option value={o} key={o}>
              {t(`outcome_${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('outcomeDetail')}
        <input value={detail} onInput={(e) => setDetail((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit">{t('recordOutcome')}</button>
    </form>
  );
}

// A text and a button: the comment and the reopening share it.
function TextForm(props: {
  id: string;
  label: string;
  button: string;
  minimum?: string; // the message when the text is under 10 characters
  submit: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const [short, setShort] = useState(false);
  return (
    <form
      class="text-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (props.minimum && !long(text)) return setShort(true);
        setShort(false);
        if (text.trim() && (await props.submit(text.trim()))) setText('');
      }}
    >
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={2}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={submitOnCtrlEnter}
      />
      {short && (
        <p class="error" role="alert">
          {props.minimum}
        </p>
      )}
      <button type="submit">{props.button}</button>
    </form>
  );
}

function CommentForm(props: { submit: (text: string) => Promise<boolean> }) {
  const t = useT(alertMessages);
  return (
    <TextForm id="comment" label={t('comment')} button={t('addComment')} submit={props.submit} />
  );
}

function ReopenForm(props: { submit: (reason: string) => Promise<boolean> }) {
  const t = useT(alertMessages);
  return (
    <TextForm
      id="reopen"
      label={t('reopenReason')}
      button={t('reopenButton')}
      minimum={t('reasonTooShort')}
      submit={props.submit}
    />
  );
}
