// The fields a rule may use, as a help panel beside the editor: find one,
// read what it means, insert it into the condition.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorBox, Loading, useLoad } from '../../components/ui';
import { useT } from '../../i18n';
import { m } from './messages';
import type { RuleField } from './types';

type Key = keyof (typeof m)['en'];

export function FieldsHelp(props: { onInsert: (field: string) => void }) {
  const t = useT(m);
  const [find, setFind] = useState('');
  const fields = useLoad(
    (signal) => api<{ fields: RuleField[] }>('/v1/rules/fields', { signal }),
    [],
  );
  const typeOf = (f: RuleField) => {
    const key = `type_${f.type}`;
    const name = key in m.en ? t(key as Key) : f.type;
    return f.list ? t('listOf', { type: name }) : name;
  };
  const needle = find.trim().toLowerCase();
  const shown = (fields.data?.fields ?? []).filter(
    (f) => !needle || f.name.includes(needle) || f.meaning.toLowerCase().includes(needle),
  );

  return (
    <section class="card fields-help" aria-labelledby="fields-title">
      <h2 id="fields-title">{t('fieldsTitle')}</h2>
      <label for="fields-find">{t('fieldsFilter')}</label>
      <input
        id="fields-find"
        type="search"
        value={find}
        onInput={(e) => setFind((e.target as HTMLInputElement).value)}
      />
      {fields.loading && <Loading />}
      {!!fields.error && <ErrorBox error={fields.error} onRetry={fields.reload} />}
      <dl class="fields-scroll">
        {shown.map((f) => (
          <div key={f.name} class="rule-field">
            <dt>
              <button
                type="button"
                class="field-name"
                aria-label={t('insert', { field: f.name })}
                title={t('insert', { field: f.name })}
                onClick={() => props.onInsert(f.name)}
              >
                <code dir="ltr">{f.name}</code>
              </button>{' '}
              <span class="muted small">{typeOf(f)}</span>
            </dt>
            {/* The meanings are the server's own words (English). */}
            <dd lang="en" dir="ltr" class="meaning">
              {f.meaning}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
