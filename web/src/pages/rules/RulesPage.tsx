// Targeting rules: write a version (with the fields beside the editor), see
// the active rules or every version (?all=true), test one against past
// flights, and activate or retire under four eyes.
import { useRef, useState } from 'preact/hooks';
import { api, ApiError, can } from '../../api';
import { ErrorBox, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { FieldsHelp } from './FieldsHelp';
import { m } from './messages';
import { RuleEditor } from './RuleEditor';
import { RuleTest } from './RuleTest';
import type { Draft, RuleVersion } from './types';
import './rules.css';

const EMPTY: Draft = { name: '', expression: '', justification: '', owner: '' };

export function RulesPage(_props: { params: Record<string, string> }) {
  const t = useT(m);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [testing, setTesting] = useState<{ rule: string; version: number } | null>(null);
  const [saves, setSaves] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);

  // Inserts a field name at the cursor of the condition.
  const insert = (field: string) => {
    const el = area.current;
    const at = el ? el.selectionStart : draft.expression.length;
    const end = el ? el.selectionEnd : at;
    const before = draft.expression.slice(0, at);
    const text = (before && !/\s$/.test(before) ? ' ' : '') + field + ' ';
    setDraft({ ...draft, expression: before + text + draft.expression.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{t('intro')}</p>
      <div class="rules-write">
        <RuleEditor
          draft={draft}
          onChange={setDraft}
          textareaRef={area}
          onSaved={(v) => {
            setSaves((n) => n + 1);
            setTesting({ rule: v.name, version: v.version });
            setQuery({ all: 'true' });
          }}
        />
        <FieldsHelp onInsert={insert} />
      </div>
      <RulesTable
        saves={saves}
        onEdit={(v) => {
          const { name, expression, justification, owner } = v;
          setDraft({ name, expression, justification, owner });
          document.getElementById('rule-expression')?.focus();
        }}
        onTest={(v) => {
          setTesting({ rule: v.name, version: v.version });
          requestAnimationFrame(() => document.getElementById('rule-test')?.scrollIntoView());
        }}
      />
      <PurposeGate>
        <RuleTestFor testing={testing} saves={saves} />
      </PurposeGate>
    </>
  );
}

// The test form, offering the names of every rule written so far (they
// change only when a version is saved).
function RuleTestFor(props: { testing: { rule: string; version: number } | null; saves: number }) {
  const rules = useLoad(
    (signal) => api<{ rules: RuleVersion[] }>('/v1/rules', { query: { all: true }, signal }),
    [props.saves],
  );
  const names = [...new Set((rules.data?.rules ?? []).map((r) => r.name))];
  return (
    <RuleTest
      key={`${props.testing?.rule}:${props.testing?.version}`}
      names={names}
      rule={props.testing?.rule}
      version={props.testing?.version}
    />
  );
}

function RulesTable(props: {
  saves: number;
  onEdit: (v: RuleVersion) => void;
  onTest: (v: RuleVersion) => void;
}) {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const { query } = useLocation();
  const all = query.get('all') === 'true';
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rules = useLoad(
    (signal) => api<{ rules: RuleVersion[] }>('/v1/rules', { query: { all: all || null }, signal }),
    [all, props.saves],
  );
  const decides = can(session.me, 'rules-activate');

  const act = async (v: RuleVersion, step: 'activate' | 'retire') => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api(`/v1/rules/${encodeURIComponent(v.name)}/${step}`, {
        body: step === 'activate' ? { version: v.version } : {},
      });
      setDone(
        step === 'activate'
          ? t('activated', { version: String(v.version), rule: v.name })
          : t('retired', { rule: v.name }),
      );
      rules.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const list = rules.data?.rules ?? [];
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rulesTitle')}</h2>
      <label class="rules-all">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) =>
            setQuery({ all: (e.target as HTMLInputElement).checked ? 'true' : null })
          }
        />{' '}
        {t('allVersions')}
      </label>
      {done && (
        <p class="ok-note" role="status">
          {done}
        </p>
      )}
      {error instanceof ApiError && error.code === 'four-eyes' ? (
        <p class="error" role="alert" data-testid="four-eyes">
          {t('fourEyes')} <bdi>{error.problem.detail}</bdi>
        </p>
      ) : (
        !!error && <ErrorBox error={error} />
      )}
      {rules.loading && !rules.data && <Loading />}
      {!!rules.error && <ErrorBox error={rules.error} onRetry={rules.reload} />}
      {rules.data && list.length === 0 && (
        <p class="muted">{all ? t('noVersions') : t('noRules')}</p>
      )}
      {list.length > 0 && (
        <table class="data" data-testid="rules">
          <thead>
            <tr>
              <th>{t('colName')}</th>
              <th class="num">{t('colVersion')}</th>
              <th>{t('colState')}</th>
              <th>{t('colExpression')}</th>
              <th>{t('colOwner')}</th>
              <th>{t('colWritten')}</th>
              <th>{t('colActivated')}</th>
              <th>{t('colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <tr key={`${v.name}:${v.version}`} data-rule={v.name} data-version={v.version}>
                <td>
                  <bdi dir="ltr">{v.name}</bdi>
                </td>
                <td class="num">{formatNumber(locale, v.version)}</td>
                <td>
                  <span class={`badge rule-${v.state}`}>{t(`state_${v.state}`)}</span>
                </td>
                <td>
                  <code dir="ltr" class="expression">
                    {v.expression}
                  </code>
                  <div class="muted small" title={t('justification')}>
                    <bdi>{v.justification}</bdi>
                  </div>
                </td>
                <td>
                  <bdi>{v.owner}</bdi>
                </td>
                <td>
                  <bdi>{v.created_by}</bdi>
                  <div class="muted small">{formatDateTime(locale, v.created_at)}</div>
                </td>
                <td>
                  {v.activated_by ? (
                    <>
                      <bdi>{v.activated_by}</bdi>
                      <div class="muted small">{formatDateTime(locale, v.activated_at)}</div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="row-actions">
                  <button type="button" onClick={() => props.onTest(v)}>
                    {t('test')}
                  </button>
                  <button type="button" onClick={() => props.onEdit(v)}>
                    {t('newVersion')}
                  </button>
                  {decides && v.state !== 'active' && (
                    <button
                      type="button"
                      class="primary"
                      disabled={busy}
                      onClick={() => act(v, 'activate')}
                    >
                      {t('activate')}
                    </button>
                  )}
                  {decides && v.state === 'active' && (
                    <button
                      type="button"
                      class="danger"
                      disabled={busy}
                      onClick={() => act(v, 'retire')}
                    >
                      {t('retire')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
