// The audit chain's verdict (GET /v1/audit/verify) as a green or red banner:
// the first bad record, how many are masked, the signatures.
import { api } from '../../api';
import { ErrorBox, useLoad } from '../../components/ui';
import { useT } from '../../i18n';
import { m } from './messages';

interface Verification {
  ok: boolean;
  records: number;
  first_seq: number;
  last_seq: number;
  first_bad_seq: number;
  problem: string;
  signatures: number;
  signed_through: number;
  pruned_through: number;
  masked: number;
}

export function VerifyBanner() {
  const t = useT(m);
  const v = useLoad((signal) => api<Verification>('/v1/audit/verify', { signal }), []);
  if (v.error) return <ErrorBox error={v.error} onRetry={v.reload} />;
  const d = v.data;
  if (!d) {
    return (
      <p class="audit-verify" role="status">
        {t('verifying')}
      </p>
    );
  }
  return (
    <section
      class={`audit-verify ${d.ok ? 'intact' : 'broken'}`}
      role={d.ok ? 'status' : 'alert'}
      data-testid="audit-verify"
      data-ok={String(d.ok)}
    >
      <p class="verdict">
        <span aria-hidden="true">{d.ok ? '✔' : '✖'}</span>{' '}
        {d.ok
          ? t('verifyOk', { n: d.records, first: d.first_seq, last: d.last_seq })
          : t('verifyBroken', { seq: d.first_bad_seq })}
      </p>
      {!d.ok && d.problem && (
        <p>
          <bdi dir="ltr">{d.problem}</bdi>
        </p>
      )}
      <ul>
        <li data-testid="audit-masked">{t('masked', { n: d.masked })}</li>
        {d.signatures > 0 ? (
          <li>
            {t('signed', { n: d.signatures, seq: d.signed_through })}
            {d.signed_through < d.last_seq && <> {t('unsignedTail', { seq: d.signed_through })}</>}
          </li>
        ) : (
          <li>{t('unsigned')}</li>
        )}
        {d.pruned_through > 0 && <li>{t('pruned', { seq: d.pruned_through })}</li>}
      </ul>
      <button type="button" onClick={v.reload} disabled={v.loading}>
        {t('verifyAgain')}
      </button>
    </section>
  );
}
