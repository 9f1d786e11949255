// Flights: send a PAXLST or PNRGOV message and see clear/refer per traveller;
// analysts also browse the flights kept.
import { useState } from 'preact/hooks';
import { api, can } from '../../api';
import { ErrorBox, Link, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatDate, formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { ManifestResult } from './ManifestResult';
import { m } from './messages';
import type { KeptFlight, Screening } from './types';
import './flights.css';

export function FlightsPage(_props: { params: Record<string, string> }) {
  const t = useT(m);
  const session = useSession();
  const [uploads, setUploads] = useState(0); // the past flights are read again after each
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <PurposeGate>
        <Upload onScreened={() => setUploads((n) => n + 1)} />
        {can(session.me, 'manifests-read') && <PastFlights uploads={uploads} />}
      </PurposeGate>
    </>
  );
}

function Upload(props: { onScreened: () => void }) {
  const t = useT(m);
  const session = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [answer, setAnswer] = useState<Screening | null>(null);
  const [error, setError] = useState<unknown>(null);

  const send = async (file: File) => {
    setBusy(file.name);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await api<Screening>('/v1/manifests', { body: file, purpose: session.purpose }));
      props.onScreened();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="upload-title">
        <h2 id="upload-title">{t('uploadTitle')}</h2>
        <p class="muted">{t('uploadHint')}</p>
        <div
          class={`dropzone ${over ? 'over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            const file = e.dataTransfer?.files[0];
            if (file) send(file);
          }}
        >
          <label for="manifest-file">{t('fileLabel')}</label>
          <input
            id="manifest-file"
            type="file"
            accept=".edi,.txt,.pnr,.api,text/plain,application/edifact"
            disabled={!!busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) send(file);
              input.value = '';
            }}
          />
          <span class="muted">{t('dropZone')}</span>
        </div>
        {busy && (
          <p role="status" class="loading">
            {t('screening', { file: busy })}
          </p>
        )}
        {!!error && <ErrorBox error={error} />}
      </section>
      {answer && <ManifestResult answer={answer} />}
    </>
  );
}

function PastFlights(props: { uploads: number }) {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const { query } = useLocation();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const flights = useLoad(
    (signal) =>
      api<{ manifests: KeptFlight[]; total: number; truncated: boolean }>('/v1/manifests', {
        query: { from, to },
        purpose: session.purpose,
        signal,
      }),
    [from, to, session.purpose, props.uploads],
  );

  return (
    <section aria-labelledby="past-title">
      <h2 id="past-title">{t('pastTitle')}</h2>
      <p class="muted">{t('pastHint')}</p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.target as HTMLFormElement);
          setQuery({ from: String(f.get('from') ?? ''), to: String(f.get('to') ?? '') });
        }}
      >
        <label>
          {t('from')}
          <input type="date" name="from" defaultValue={from} key={`f${from}`} />
        </label>
        <label>
          {t('to')}
          <input type="date" name="to" defaultValue={to} key={`t${to}`} />
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      {flights.loading && <Loading />}
      {!!flights.error && <ErrorBox error={flights.error} onRetry={flights.reload} />}
      {flights.data && flights.data.manifests.length === 0 && (
        <p class="muted">{t('noFlights')}</p>
      )}
      {flights.data && flights.data.manifests.length > 0 && (
        <>
          {flights.data.truncated && (
            <p class="muted">
              {t('truncated', {
                n: formatNumber(locale, flights.data.manifests.length),
                total: formatNumber(locale, flights.data.total),
              })}
            </p>
          )}
          <table class="data" data-testid="past-flights">
            <thead>
              <tr>
                <th>{t('colFlight')}</th>
                <th>{t('colDeparture')}</th>
                <th>{t('colFormat')}</th>
                <th class="num">{t('colTravellers')}</th>
                <th>{t('colReceived')}</th>
                <th>{t('colReceivedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {flights.data.manifests.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`/flights/${f.id}`}>
                      <bdi dir="ltr">{f.flight}</bdi>
                    </Link>
                    {f.depersonalised_at && (
                      <>
                        {' '}
                        <span class="badge">{t('depersonalised')}</span>
                      </>
                    )}
                  </td>
                  <td>{formatDate(locale, f.departure)}</td>
                  <td>{t(f.format === 'pnrgov' ? 'format_pnrgov' : 'format_paxlst')}</td>
                  <td class="num">{formatNumber(locale, f.travellers)}</td>
                  <td>{formatDateTime(locale, f.received_at)}</td>
                  <td>
                    <bdi>{f.received_by}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
