// A list manager imports a list file: a new version, the index rebuilt and
// the held subjects re-screened before the answer, which is shown in full.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorBox, Link } from '../../components/ui';
import { formatNumber, useLocale, useT } from '../../i18n';
import { useSession } from '../../session';
import { m } from './messages';
import type { ImportSummary } from './types';

const FORMATS = ['un-xml', 'ofac-csv', 'ofac-xml', 'eu-xml', 'uk-csv', 'uk-xml', 'ftm-json'];

export function ImportForm(props: { list?: string; onImported: () => void }) {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const n = (x: number | undefined) => formatNumber(locale, x ?? 0);

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const list = props.list ?? String(form.get('list') ?? '').trim();
    const file = form.get('file');
    if (!list || !(file instanceof File) || file.size === 0) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      const format = String(form.get('format') ?? '');
      setSummary(
        await api<ImportSummary>(`/v1/lists/${encodeURIComponent(list)}/import`, {
          body: file,
          query: { format: format || null },
          purpose: session.purpose,
        }),
      );
      props.onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="muted">{t('importHint')}</p>
      <form class="inline-form" onSubmit={submit}>
        {!props.list && (
          <label>
            {t('listId')}
            <input name="list" required pattern="[^:\s]+" dir="ltr" />
          </label>
        )}
        <label>
          {t('format')}
          <select name="format">
            <option value="">{t('format_auto')}</option>
            {FORMATS.map((f) => (
              <option value={f} key={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('file')}
          <input name="file" type="file" required />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('importing') : t('import')}
        </button>
      </form>
      {!!error && <ErrorBox error={error} />}
      {summary && (
        <div class="ok-note" role="status" data-testid="import-summary">
          <p>
            {summary.unchanged
              ? t('importUnchanged')
              : t('importDone', { version: String(summary.version), list: summary.list })}
          </p>
          {!summary.unchanged && (
            <>
              <p>
                {t('importCounts', {
                  added: n(summary.added),
                  changed: n(summary.changed),
                  removed: n(summary.removed),
                  entities: n(summary.entities),
                })}
              </p>
              <p>
                {t('importNames', {
                  added: n(summary.names_added),
                  removed: n(summary.names_removed),
                  dadded: n(summary.documents_added),
                  dremoved: n(summary.documents_removed),
                })}
              </p>
            </>
          )}
          {summary.rescreen && (
            <p>
              {t('importRescreen', {
                subjects: n(summary.rescreen.subjects),
                raised: n(summary.rescreen.alerts_raised),
                closed: n(summary.rescreen.alerts_closed),
              })}
            </p>
          )}
          {!props.list && (
            <Link to={`/lists/${encodeURIComponent(summary.list)}`}>{t('openList')}</Link>
          )}
        </div>
      )}
    </section>
  );
}
