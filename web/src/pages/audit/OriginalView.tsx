// An unmasked original (GET /v1/unmask-requests/{id}/data): a flight
// message as received, an alert's personal fields, or an audit record's
// detail.
import { useT } from '../../i18n';
import { SubjectFacts } from './SubjectFacts';
import { um } from './unmask-messages';

export interface Unmasked {
  object: string;
  kind: 'manifest' | 'alert' | 'audit';
  format?: string;
  raw?: string;
  raw_base64?: string;
  alert?: {
    subject?: unknown;
    subject_id?: string;
    summary?: string;
    justification?: string;
    events?: unknown[];
    shares?: unknown[];
  };
  detail?: unknown;
}

export function OriginalView(props: { data: Unmasked }) {
  const t = useT(um);
  const d = props.data;
  if (d.kind === 'manifest') {
    return (
      <>
        <h3>{t('message', { format: d.format ?? '' })}</h3>
        <pre dir="ltr">{d.raw ?? d.raw_base64}</pre>
      </>
    );
  }
  if (d.kind === 'alert' && d.alert) {
    const a = d.alert;
    return (
      <>
        <h3>{t('subject')}</h3>
        <SubjectFacts subject={a.subject} subjectId={a.subject_id} />
        <dl class="facts">
          {a.summary && (
            <>
              <dt>{t('summary')}</dt>
              <dd>
                <bdi dir="ltr">{a.summary}</bdi>
              </dd>
            </>
          )}
          {a.justification && (
            <>
              <dt>{t('justification')}</dt>
              <dd>
                <bdi dir="auto">{a.justification}</bdi>
              </dd>
            </>
          )}
        </dl>
        <JsonList title={t('history')} items={a.events} />
        <JsonList title={t('disclosures')} items={a.shares} />
      </>
    );
  }
  return (
    <>
      <h3>{t('detail')}</h3>
      <pre dir="ltr">{JSON.stringify(d.detail, null, 2)}</pre>
    </>
  );
}

// The alert's events and shares as they were sealed: one line each.
function JsonList(props: { title: string; items?: unknown[] }) {
  if (!props.items || props.items.length === 0) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul class="history" dir="ltr">
        {props.items.map((x, i) => (
          <li key={i}>
            <code>{typeof x === 'string' ? x : JSON.stringify(x)}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
