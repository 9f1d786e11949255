// Writing an article (list managers): a new one, a translation of one (its
// group), or changes to one. The server checks the fields; its refusal is
// shown beside the form, and the field it names is marked.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { common } from '../../components/common-messages';
import { ErrorBox, useLoad } from '../../components/ui';
import { LANGS, useLocale, useT } from '../../i18n';
import { m } from './messages';
import { codeName, langName, Practice, PracticePage } from './practice';

const FIELDS = ['title', 'language', 'region', 'topic', 'source', 'body', 'group'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

// The field a refusal names: "title: ..." or "... title ...".
function fieldOf(error: unknown): Field | null {
  if (!(error instanceof ApiError)) return null;
  const text = `${error.problem.detail ?? ''}`;
  return FIELDS.find((f) => new RegExp(`\\b${f}\\b`).test(text)) ?? null;
}

export function PracticeForm(props: {
  initial?: Practice;
  group?: string;
  onSaved: (p: Practice) => void;
  onCancel?: () => void;
}) {
  const t = useT(m);
  const tc = useT(common);
  const locale = useLocale();
  const p = props.initial;
  const [v, setV] = useState<Values>({
    title: p?.title ?? '',
    language: p?.language ?? locale.lang,
    region: p?.region ?? '',
    topic: p?.topic ?? '',
    source: p?.source ?? '',
    body: p?.body ?? '',
    group: p?.group ?? props.group ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The codes in use, offered as suggestions.
  const known = useLoad(
    (signal) => api<PracticePage>('/v1/practices', { query: { limit: 1 }, signal }),
    [],
  );
  const bad = fieldOf(error);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, group: v.group.trim() || undefined };
      const saved = p
        ? await api<Practice>(`/v1/practices/${p.id}`, { method: 'PUT', body })
        : await api<Practice>('/v1/practices', { method: 'POST', body });
      props.onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const field = (f: Field, hint?: string) => ({
    id: `practice-${f}`,
    name: f,
    value: v[f],
    'aria-invalid': bad === f ? ('true' as const) : undefined,
    'aria-describedby':
      [bad === f && 'practice-error', hint].filter(Boolean).join(' ') || undefined,
    onInput: (e: Event) => setV({ ...v, [f]: (e.target as HTMLInputElement).value }),
  });

  return (
    <form class="card practice-form" onSubmit={submit} noValidate>
      {error !== null && (
        <div id="practice-error">
          <ErrorBox error={error} />
        </div>
      )}
      <label for="practice-title">{t('fTitle')}</label>
      <input {...field('title')} required dir="auto" />
      <div class="practice-form-row">
        <div>
          <label for="practice-language">{t('fLanguage')}</label>
          <select {...field('language')}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {langName(l)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="practice-region">{t('fRegion')}</label>
          <input
            {...field('region', 'practice-code-hint')}
            required
            list="practice-regions"
            dir="ltr"
          />
        </div>
        <div>
          <label for="practice-topic">{t('fTopic')}</label>
          <input
            {...field('topic', 'practice-code-hint')}
            required
            list="practice-topics"
            dir="ltr"
          />
        </div>
      </div>
      <p id="practice-code-hint" class="muted small">
        {t('fCodeHint')}
      </p>
      <datalist id="practice-regions">
        {(known.data?.regions ?? []).map((c) => (
          <option key={c} value={c}>
            {codeName(t, 'region', c)}
          </option>
        ))}
      </datalist>
      <datalist id="practice-topics">
        {(known.data?.topics ?? []).map((c) => (
          <option key={c} value={c}>
            {codeName(t, 'topic', c)}
          </option>
        ))}
      </datalist>
      <label for="practice-source">{t('fSource')}</label>
      <input {...field('source')} dir="auto" />
      <label for="practice-body">{t('fBody')}</label>
      <p id="practice-body-hint" class="muted small">
        {t('fBodyHint')}
      </p>
      <textarea {...field('body', 'practice-body-hint')} required rows={14} dir="auto" />
      {!p && (
        <>
          <label for="practice-group">{t('fGroup')}</label>
          <input {...field('group', 'practice-group-hint')} dir="ltr" />
          <p id="practice-group-hint" class="muted small">
            {t('fGroupHint')}
          </p>
        </>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('saving') : tc('save')}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {tc('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
