// A rule version run over the flights kept: how many travellers it would
// have hit, on which flights, and why. It names travellers: purpose needed.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ErrorBox, Link, NameText } from '../../components/ui';
import { formatNumber, useLocale, useT } from '../../i18n';
import { useSession } from '../../session';
import { m } from './messages';
import type { RuleTestResult } from './types';

export function RuleTest(props: { names: string[]; rule?: string; version?: number }) {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<RuleTestResult | null>(null);
  const n = (x: number) => formatNumber(locale, x);

  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const body: Record<string, string | number> = {};
    if (text('version')) body.version = Number(text('version'));
    if (text('from')) body.from = text('from');
    if (text('to')) body.to = text('to');
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        await api<RuleTestResult>(`/v1/rules/${encodeURIComponent(text('rule'))}/test`, {
          body,
          purpose: session.purpose,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="test-title" id="rule-test">
      <h2 id="test-title">{t('testTitle')}</h2>
      <p class="muted">{t('testHint')}</p>
      <form class="inline-form" onSubmit={submit}>
        <label>
          {t('testRule')}
          <input name="rule" required dir="ltr" list="rule-names" defaultValue={props.rule} />
          <datalist id="rule-names">
            {props.names.map((name) => (
              <option value={name} key={name} />
            ))}
          </datalist>
        </label>
        <label>
          {t('testVersion')}
          <input
            name="version"
            type="number"
            min={1}
            size={5}
            defaultValue={props.version?.toString()}
          />
        </label>
        <label>
          {t('from')}
          <input name="from" type="date" />
        </label>
        <label>
          {t('to')}
          <input name="to" type="date" />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('running') : t('run')}
        </button>
      </form>
      {!!error && <ErrorBox error={error} />}
      {result && (
        <div data-testid="test-result">
          <p>
            <bdi dir="ltr">{result.rule}</bdi>:{' '}
            <strong>
              {t('testSummary', {
                hits: n(result.hits),
                travellers: n(result.travellers),
                flightsHit: n(result.flights_hit),
                flights: n(result.flights),
              })}
            </strong>
          </p>
          {result.unreadable > 0 && (
            <p class="warn-note">{t('unreadable', { n: n(result.unreadable) })}</p>
          )}
          <table class="data">
            <thead>
              <tr>
                <th>{t('colFlight')}</th>
                <th class="num">{t('colTravellers')}</th>
                <th>{t('colHits')}</th>
              </tr>
            </thead>
            <tbody>
              {result.results.map((r) => (
                <tr key={r.manifest} class={r.hits.length ? 'has-hits' : ''}>
                  <td>
                    <Link to={`/flights/${r.manifest}`}>
                      <bdi dir="ltr">{r.flight}</bdi>
                    </Link>
                  </td>
                  <td class="num">{n(r.travellers)}</td>
                  <td>
                    {r.hits.length === 0 ? (
                      <span class="muted">{t('noHit')}</span>
                    ) : (
                      <ul class="test-hits">
                        {r.hits.map((h, i) => (
                          <li key={i}>
                            <NameText name={h.traveller} />
                            <div class="muted">
                              <code dir="ltr">{h.explanation}</code>
                            </div>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
