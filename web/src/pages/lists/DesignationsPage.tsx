// The national designation workflow: proposals (?list=&state=), the one
// chosen (?id=), and a form to propose.
import { useState } from 'preact/hooks';
import { api, can } from '../../api';
import {
  ErrorBox,
  Link,
  Loading,
  NameText,
  PageTitle,
  PurposeGate,
  useLoad,
} from '../../components/ui';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { d } from './designationMessages';
import { ProposalForm } from './ProposalForm';
import { ProposalView } from './ProposalView';
import type { Proposal } from './types';
import './lists.css';

const STATES = ['proposed', 'approved', 'rejected', 'published'] as const;

export function DesignationsPage(_props: { params: Record<string, string> }) {
  const t = useT(d);
  const session = useSession();
  const [proposing, setProposing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const { query } = useLocation();
  const id = query.get('id');

  return (
    <>
      <PageTitle
        actions={
          can(session.me, 'designations-propose') &&
          !proposing && (
            <button type="button" class="primary" onClick={() => setProposing(true)}>
              {t('newProposal')}
            </button>
          )
        }
      >
        {t('title')}
      </PageTitle>
      <p class="muted">{t('intro')}</p>
      <PurposeGate>
        {proposing && (
          <ProposalForm
            onCancel={() => setProposing(false)}
            onProposed={(p) => {
              setProposing(false);
              setNotice(t('proposedOk', { id: String(p.id) }));
              setChanges((n) => n + 1);
              setQuery({ id: String(p.id) });
            }}
          />
        )}
        {notice && (
          <p class="ok-note" role="status">
            {notice}
          </p>
        )}
        <div class={id ? 'diff-layout with-entity' : 'diff-layout'}>
          <Proposals changes={changes} />
          {id && <ProposalView id={id} key={id} onChanged={() => setChanges((n) => n + 1)} />}
        </div>
      </PurposeGate>
    </>
  );
}

function Proposals(props: { changes: number }) {
  const t = useT(d);
  const locale = useLocale();
  const session = useSession();
  const { query } = useLocation();
  const list = query.get('list') ?? '';
  const state = query.get('state') ?? '';
  const selected = query.get('id');
  const proposals = useLoad(
    (signal) =>
      api<{ proposals: Proposal[] }>('/v1/designations', {
        query: { list, state },
        purpose: session.purpose,
        signal,
      }),
    [list, state, session.purpose, props.changes],
  );
  const hrefOf = (p: Proposal) => {
    const q = new URLSearchParams(location.search);
    q.set('id', String(p.id));
    return `/designations?${q}`;
  };

  return (
    <section aria-label={t('title')}>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.target as HTMLFormElement);
          setQuery({
            list: String(f.get('list') ?? '').trim(),
            state: String(f.get('state') ?? ''),
          });
        }}
      >
        <label>
          {t('filterList')}
          <input name="list" defaultValue={list} key={list} dir="ltr" size={14} />
        </label>
        <label>
          {t('filterState')}
          <select name="state" key={state}>
            <option value="">{t('state_all')}</option>
            {STATES.map((s) => (
              <option value={s} key={s} selected={s === state}>
                {t(`state_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      {proposals.loading && !proposals.data && <Loading />}
      {!!proposals.error && <ErrorBox error={proposals.error} onRetry={proposals.reload} />}
      {proposals.data && proposals.data.proposals.length === 0 && (
        <p class="muted">{t('noProposals')}</p>
      )}
      {proposals.data && proposals.data.proposals.length > 0 && (
        <table class="data" data-testid="proposals">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('colAction')}</th>
              <th>{t('colName')}</th>
              <th>{t('colEntry')}</th>
              <th>{t('colState')}</th>
              <th>{t('colProposed')}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.data.proposals.map((p) => (
              <tr key={p.id} aria-selected={String(p.id) === selected ? 'true' : undefined}>
                <td>
                  <Link to={hrefOf(p)}>
                    <bdi dir="ltr">{p.id}</bdi>
                  </Link>
                </td>
                <td>{t(`action_${p.action}`)}</td>
                <td>
                  <NameText name={p.name} />
                </td>
                <td>
                  <bdi dir="ltr" class="ls-nowrap">{p.entity_id}</bdi>
                </td>
                <td>
                  <span class={`badge prop-${p.state}`}>{t(`state_${p.state}`)}</span>
                </td>
                <td>
                  <bdi>{p.proposed_by}</bdi>
                  <div class="muted small">{formatDateTime(locale, p.proposed_at)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
