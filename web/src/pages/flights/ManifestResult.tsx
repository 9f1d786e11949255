// A screened flight: the flight, the case reference, the counts, and one row
// per traveller with clear/refer and every reason. Analysts also see the
// watchlist hits (a border officer's answer has none) and the alerts raised.
import type { ComponentChildren } from 'preact';
import { api, can } from '../../api';
import { Link, NameText, useLoad } from '../../components/ui';
import { formatDate, formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { m } from './messages';
import type { Hit, Screening, Traveller } from './types';
import './flights.css';

type Key = keyof (typeof m)['en'];

// A message key built from a server code, or the code itself when unknown.
function codeLabel(t: (k: Key) => string, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return key in m.en ? t(key as Key) : code;
}

interface AlertRef {
  id: number;
  status: string;
  entity_id: string;
  manifest: number | null;
  subject: { traveller?: number };
}

// The alerts of this flight's travellers, by traveller index. The answer
// says how many alerts were raised, not which: they are looked up by the
// kept message they came from.
function useTravellerAlerts(answer: Screening): Map<number, AlertRef[]> {
  const session = useSession();
  const wanted =
    can(session.me, 'alerts-read') &&
    answer.manifest !== undefined &&
    answer.travellers.some((t) => t.hits.length > 0);
  const loaded = useLoad(
    (signal) =>
      wanted
        ? api<{ alerts: AlertRef[] }>('/v1/alerts', {
            query: { manifest: answer.manifest, limit: 1000 },
            purpose: session.purpose,
            signal,
          })
        : Promise.resolve({ alerts: [] }),
    [wanted, answer.manifest, answer.reference],
  );
  const byTraveller = new Map<number, AlertRef[]>();
  for (const a of loaded.data?.alerts ?? []) {
    if (a.manifest !== answer.manifest || a.subject.traveller === undefined) continue;
    byTraveller.set(a.subject.traveller, [...(byTraveller.get(a.subject.traveller) ?? []), a]);
  }
  return byTraveller;
}

export function ManifestResult(props: { answer: Screening; rescreened?: boolean }) {
  const { answer } = props;
  const t = useT(m);
  const locale = useLocale();
  const { query } = useLocation();
  const onlyRefer = query.get('only') === 'refer';
  const alerts = useTravellerAlerts(answer);
  const flight = answer.flights[0];
  const last = answer.flights[answer.flights.length - 1];
  const s = answer.summary;
  const rows = answer.travellers
    .map((tr, i) => ({ tr, i }))
    .filter(({ tr }) => !onlyRefer || tr.decision === 'refer');

  return (
    <section aria-labelledby="manifest-title">
      <div class="card">
        <h2 id="manifest-title">
          {t('colFlight')} <bdi>{answer.flights.map((f) => f.flight).join(' / ')}</bdi>
        </h2>
        {props.rescreened && <p class="muted">{t('rescreened')}</p>}
        <dl class="flight-facts">
          {flight && (
            <>
              <Fact label={t('origin')} value={flight.origin} />
              <Fact label={t('destination')} value={last.destination} />
              <Fact label={t('departure')} value={flight.departure?.replace('T', ' ') ?? '—'} />
              <Fact label={t('arrival')} value={last.arrival?.replace('T', ' ') ?? '—'} />
            </>
          )}
          <Fact label={t('format')} value={codeLabel(t, 'format_', answer.format)} />
          {answer.received_at && (
            <Fact
              label={t('received')}
              value={`${formatDateTime(locale, answer.received_at)} · ${answer.received_by ?? ''}`}
            />
          )}
          {answer.reference && (
            <div class="flight-fact flight-reference">
              <dt>{t('reference')}</dt>
              <dd>
                <bdi data-testid="case-reference">{answer.reference}</bdi>
              </dd>
            </div>
          )}
        </dl>
        {answer.reference && s.refer > 0 && <p class="muted">{t('referenceHint')}</p>}
        {!!answer.alerts && <p>{t('alertsRaised', { n: formatNumber(locale, answer.alerts) })}</p>}
        <ul class="flight-counts" aria-label={t('travellers')}>
          <Count label={t('travellers')} n={s.travellers} />
          <Count label={t('refer')} n={s.refer} tone="refer" />
          <Count label={t('clear')} n={s.clear} tone="clear" />
          <Count label={t('watchlistHits')} n={s.watchlist_hits} />
          <Count label={t('ruleHits')} n={s.rule_hits} />
          <Count label={t('documentHits')} n={s.document_hits} />
        </ul>
        {s.sensitive_deleted > 0 && (
          <p class="muted">
            {t('sensitiveDeleted', { n: formatNumber(locale, s.sensitive_deleted) })}
          </p>
        )}
        {!s.complete && <p class="warn-note">{t('incomplete')}</p>}
        {answer.warnings.length > 0 && (
          <details>
            <summary>
              {t('warnings')} ({formatNumber(locale, answer.warnings.length)})
            </summary>
            <ul>
              {answer.warnings.map((w, i) => (
                <li key={i}>
                  <bdi dir="ltr">{w.field}</bdi> ({t('segment', { n: String(w.segment) })}):{' '}
                  {w.message}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>

      <label class="only-refer">
        <input
          type="checkbox"
          checked={onlyRefer}
          onChange={(e) =>
            setQuery({ only: (e.target as HTMLInputElement).checked ? 'refer' : null })
          }
        />{' '}
        {t('onlyRefer')}
      </label>
      {rows.length === 0 ? (
        <p class="muted">{t('noneReferred')}</p>
      ) : (
        <table class="data travellers" aria-label={t('manifestLabel')}>
          <thead>
            <tr>
              <th class="num">#</th>
              <th>{t('colDecision')}</th>
              <th>{t('colName')}</th>
              <th>{t('colRole')}</th>
              <th>{t('colDob')}</th>
              <th>{t('colNationality')}</th>
              <th>{t('colDocument')}</th>
              <th>{t('colBooking')}</th>
              <th>{t('colReasons')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ tr, i }) => (
              <TravellerRow key={i} index={i} tr={tr} alerts={alerts.get(i) ?? []} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Fact(props: { label: string; value: string }) {
  return (
    <div class="flight-fact">
      <dt>{props.label}</dt>
      <dd>
        <bdi>{props.value || '—'}</bdi>
      </dd>
    </div>
  );
}

function Count(props: { label: string; n: number; tone?: string }) {
  const locale = useLocale();
  return (
    <li class={props.tone}>
      <span class="count-n">{formatNumber(locale, props.n)}</span> {props.label}
    </li>
  );
}

function TravellerRow(props: { index: number; tr: Traveller; alerts: AlertRef[] }) {
  const { tr } = props;
  const t = useT(m);
  const locale = useLocale();
  const doc = tr.document;
  return (
    <tr class={`decision-${tr.decision}`} data-testid="traveller">
      <td class="num">{formatNumber(locale, props.index + 1)}</td>
      <td>
        <span class={`badge ${tr.decision}`}>{t(tr.decision)}</span>
      </td>
      <td>
        <NameText name={tr.name} />
      </td>
      <td>{codeLabel(t, 'role_', tr.role)}</td>
      <td>{formatDate(locale, tr.dob)}</td>
      <td>
        <bdi>{tr.nationality ?? '—'}</bdi>
      </td>
      <td>
        {doc ? (
          <>
            <bdi dir="ltr">
              {doc.type} {doc.number} {doc.issuing_country}
            </bdi>
            {doc.expiry && (
              <div class="muted small">
                {t('expires', { date: formatDate(locale, doc.expiry) })}
              </div>
            )}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        <bdi dir="ltr">{tr.booking ?? '—'}</bdi>
      </td>
      <td class="reasons">
        {tr.reasons.length > 0 && (
          <ul>
            {tr.reasons.map((r, i) => (
              <li key={i}>
                <strong>{codeLabel(t, 'reason_', r.code)}</strong>: <bdi>{r.detail}</bdi>
              </li>
            ))}
          </ul>
        )}
        {tr.hits.length > 0 && (
          <HitList title={t('hits')} hits={tr.hits} alerts={props.alerts} />
        )}
        {tr.cleared && tr.cleared.length > 0 && (
          <HitList title={t('cleared')} hits={tr.cleared} alerts={[]} />
        )}
        {tr.rules.length > 0 && (
          <Detail title={t('rules')}>
            {tr.rules.map((r, i) => (
              <li key={i}>
                <bdi>{t('ruleVersion', { rule: r.rule, version: String(r.version) })}</bdi>:{' '}
                <code dir="ltr">{r.explanation}</code>
              </li>
            ))}
          </Detail>
        )}
        {tr.companions.length > 0 && (
          <Detail title={t('companions')}>
            {tr.companions.map((c, i) => (
              <li key={i}>
                <NameText name={c.traveller} /> — {codeLabel(t, 'via_', c.via)}{' '}
                <bdi dir="ltr">{c.value}</bdi>
              </li>
            ))}
          </Detail>
        )}
        {tr.findings.length > 0 && (
          <Detail title={t('findings')}>
            {tr.findings.map((f, i) => (
              <li key={i}>
                <bdi dir="ltr">{f.field}</bdi>: {f.message}
              </li>
            ))}
          </Detail>
        )}
      </td>
    </tr>
  );
}

function Detail(props: { title: string; children: ComponentChildren }) {
  return (
    <div class="trav-detail">
      <span class="trav-detail-title">{props.title}</span>
      <ul>{props.children}</ul>
    </div>
  );
}

function HitList(props: { title: string; hits: Hit[]; alerts: AlertRef[] }) {
  const t = useT(m);
  const locale = useLocale();
  return (
    <Detail title={props.title}>
      {props.hits.map((h) => {
        const alert = props.alerts.find((a) => a.entity_id === h.entity_id);
        return (
          <li key={h.entity_id} data-testid="hit">
            <NameText name={h.matched_name} />{' '}
            <Link
              to={`/lists/${encodeURIComponent(h.list)}?entity=${encodeURIComponent(h.entity_id)}`}
            >
              <bdi dir="ltr">{h.entity_id}</bdi>
            </Link>{' '}
            <span class="muted">{t('score', { score: formatNumber(locale, h.score, 2) })}</span>
            {alert && (
              <>
                {' · '}
                <Link to={`/alerts/${alert.id}`}>{t('openAlert', { id: String(alert.id) })}</Link>
              </>
            )}
            {h.cleared_by_alert !== undefined && (
              <>
                {' · '}
                <Link to={`/alerts/${h.cleared_by_alert}`}>
                  {t('clearedBy', { id: String(h.cleared_by_alert) })}
                </Link>
              </>
            )}
            {h.explanation?.summary && (
              <div class="muted small">
                <bdi dir="ltr">{h.explanation.summary}</bdi>
              </div>
            )}
          </li>
        );
      })}
    </Detail>
  );
}
