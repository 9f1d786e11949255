// Lists: every list with its active version and counts; /lists/:list shows
// one list's versions, what changed between two of them, and its entries.
import { api, can } from '../../api';
import { ErrorBox, Link, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { useSession } from '../../session';
import { ImportForm } from './ImportForm';
import { ListView } from './ListView';
import { m } from './messages';
import type { ListInfo } from './types';
import './lists.css';

export function ListsPage(props: { params: Record<string, string> }) {
  return props.params.list ? <ListView list={props.params.list} /> : <AllLists />;
}

function AllLists() {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const lists = useLoad((signal) => api<{ lists: ListInfo[] }>('/v1/lists', { signal }), []);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{t('intro')}</p>
      {lists.loading && !lists.data && <Loading />}
      {!!lists.error && <ErrorBox error={lists.error} onRetry={lists.reload} />}
      {lists.data && lists.data.lists.length === 0 && <p class="muted">{t('noLists')}</p>}
      {lists.data && lists.data.lists.length > 0 && (
        <table class="data" data-testid="lists">
          <thead>
            <tr>
              <th>{t('list')}</th>
              <th class="num">{t('colActive')}</th>
              <th>{t('colFormat')}</th>
              <th>{t('colGenerated')}</th>
              <th>{t('colImported')}</th>
              <th class="num">{t('colEntities')}</th>
              <th class="num">{t('colVersions')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.data.lists.map((l) => (
              <tr key={l.list} data-list={l.list}>
                <td>
                  <Link to={`/lists/${encodeURIComponent(l.list)}`}>
                    <bdi dir="ltr">{l.list}</bdi>
                  </Link>
                </td>
                <td class="num">{l.active ? formatNumber(locale, l.active.version) : '—'}</td>
                <td>
                  <bdi dir="ltr">{l.active?.format ?? '—'}</bdi>
                </td>
                <td>{formatDateTime(locale, l.active?.generated_at)}</td>
                <td>{formatDateTime(locale, l.active?.imported_at)}</td>
                <td class="num">{formatNumber(locale, l.active?.entities)}</td>
                <td class="num">{formatNumber(locale, l.versions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(session.me, 'lists-write') && (
        <PurposeGate>
          <ImportForm onImported={lists.reload} />
        </PurposeGate>
      )}
    </>
  );
}
