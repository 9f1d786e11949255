// One kept flight, screened again now with today's lists, rules and register.
import { api } from '../../api';
import { ErrorBox, Link, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { ManifestResult } from './ManifestResult';
import { m } from './messages';
import type { Screening } from './types';

export function ManifestView(props: { params: Record<string, string> }) {
  const t = useT(m);
  return (
    <>
      <PageTitle actions={<Link to="/flights">{t('title')}</Link>}>
        {t('colFlight')} <bdi dir="ltr">#{props.params.id}</bdi>
      </PageTitle>
      <PurposeGate>
        <Kept id={props.params.id} />
      </PurposeGate>
    </>
  );
}

function Kept(props: { id: string }) {
  const session = useSession();
  const flight = useLoad(
    (signal) =>
      api<Screening>(`/v1/manifests/${encodeURIComponent(props.id)}`, {
        purpose: session.purpose,
        signal,
      }),
    [props.id, session.purpose],
  );
  if (flight.loading) return <Loading />;
  if (flight.error) return <ErrorBox error={flight.error} onRetry={flight.reload} />;
  return flight.data && <ManifestResult answer={flight.data} rescreened />;
}
