// Writing a rule: a new draft version. When the server refuses the
// condition it names the line and column; the line is shown under the
// editor with a mark at that column, and the cursor is put there.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { ErrorBox } from '../../components/ui';
import { useT } from '../../i18n';
import { m } from './messages';
import type { Draft, RuleVersion } from './types';

interface Refusal {
  detail: string;
  line: number;
  column: number;
}

// "rule 'x': line 2, column 6: unknown field 'foo'" -> line 2, column 6.
function refusalOf(e: unknown): Refusal | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  const detail = e.problem.detail ?? '';
  const at = detail.match(/(?:line (\d+), )?column (\d+)/);
  return at ? { detail, line: Number(at[1] ?? 1), column: Number(at[2]) } : null;
}

export function RuleEditor(props: {
  draft: Draft;
  onChange: (d: Draft) => void;
  onSaved: (v: RuleVersion) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}) {
  const t = useT(m);
  const { draft } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<RuleVersion | null>(null);
  const refusal = refusalOf(error);
  const set = (k: keyof Draft) => (e: Event) =>
    props.onChange({ ...draft, [k]: (e.target as HTMLInputElement).value });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const v = await api<RuleVersion>('/v1/rules', { body: draft });
      setSaved(v);
      props.onSaved(v);
    } catch (err) {
      setError(err);
      const r = refusalOf(err);
      const area = (props.textareaRef as { current: HTMLTextAreaElement | null }).current;
      if (r && area) {
        const lines = draft.expression.split('\n');
        const offset =
          lines.slice(0, r.line - 1).reduce((n, l) => n + l.length + 1, 0) + r.column - 1;
        area.focus();
        area.setSelectionRange(offset, offset);
      }
    } finally {
      setBusy(false);
    }
  };

  const badLine = refusal ? draft.expression.split('\n')[refusal.line - 1] ?? '' : '';
  return (
    <section class="card" aria-labelledby="editor-title">
      <h2 id="editor-title">{t('editorTitle')}</h2>
      <form onSubmit={submit}>
        <label for="rule-name">{t('name')}</label>
        <input
          id="rule-name"
          required
          dir="ltr"
          value={draft.name}
          onInput={set('name')}
          aria-describedby="rule-name-hint"
        />
        <small id="rule-name-hint" class="field-hint">
          {t('nameHint')}
        </small>
        <label for="rule-expression">{t('expression')}</label>
        <textarea
          id="rule-expression"
          ref={props.textareaRef}
          class="rule-code"
          dir="ltr"
          spellcheck={false}
          required
          rows={5}
          value={draft.expression}
          onInput={set('expression')}
          aria-invalid={refusal ? 'true' : undefined}
          aria-describedby={refusal ? 'rule-refusal' : undefined}
        />
        {refusal && (
          <div class="error parse-error" role="alert" id="rule-refusal" data-testid="parse-error">
            <div>
              <strong>
                {t('refused')}{' '}
                {t('position', { line: String(refusal.line), column: String(refusal.column) })}
              </strong>
              <pre dir="ltr" class="rule-code" aria-hidden="true">
                {badLine}
                {'\n'}
                {' '.repeat(Math.max(0, refusal.column - 1))}^
              </pre>
              <bdi>{refusal.detail}</bdi>
            </div>
          </div>
        )}
        {!!error && !refusal && <ErrorBox error={error} />}
        <label for="rule-justification">{t('justification')}</label>
        <textarea
          id="rule-justification"
          required
          rows={2}
          dir="auto"
          value={draft.justification}
          onInput={set('justification')}
        />
        <label for="rule-owner">{t('owner')}</label>
        <input id="rule-owner" required dir="auto" value={draft.owner} onInput={set('owner')} />
        <div class="button-row">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
        {saved && (
          <p class="ok-note" role="status">
            {t('saved', { version: String(saved.version), rule: saved.name })}
          </p>
        )}
      </form>
    </section>
  );
}
