// One list: its versions, what changed between two of them (?from=&to=),
// and the entry chosen (?entity=), as the active version publishes it.
import { useState } from 'preact/hooks';
import { api, ApiError, can } from '../../api';
import { ErrorBox, Link, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatDateTime, formatNumber, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { codeLabel, EntityCard } from './EntityCard';
import { ImportForm } from './ImportForm';
import { m } from './messages';
import type { Entity, ListDiff, ListVersion } from './types';

// This address with `params` changed: entries open as links that can be shared.
function hrefWith(params: Record<string, string | null>): string {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) {
    if (v === null) q.delete(k);
    else q.set(k, v);
  }
  return `${location.pathname}?${q}`;
}

export function ListView(props: { list: string }) {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const { query } = useLocation();
  const [imports, setImports] = useState(0);
  const path = `/v1/lists/${encodeURIComponent(props.list)}`;
  const versions = useLoad(
    (signal) => api<{ versions: ListVersion[] }>(`${path}/versions`, { signal }),
    [path, imports],
  );
  const entity = query.get('entity');
  const list = versions.data?.versions ?? [];

  return (
    <>
      <PageTitle actions={<Link to="/lists">{t('allLists')}</Link>}>
        {t('list')} <bdi dir="ltr">{props.list}</bdi>
      </PageTitle>
      <h2>{t('versionsTitle')}</h2>
      {versions.loading && !versions.data && <Loading />}
      {!!versions.error && <ErrorBox error={versions.error} onRetry={versions.reload} />}
      {list.length > 0 && (
        <table class="data" data-testid="versions">
          <thead>
            <tr>
              <th class="num">{t('colVersion')}</th>
              <th>{t('colFormat')}</th>
              <th>{t('colSource')}</th>
              <th>{t('colGenerated')}</th>
              <th>{t('colImported')}</th>
              <th class="num">{t('colEntities')}</th>
              <th class="num">{t('colNames')}</th>
              <th class="num">{t('colDocuments')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.version}>
                <td class="num">
                  {formatNumber(locale, v.version)}
                  {v.active && (
                    <>
                      {' '}
                      <span class="badge clear">{t('active')}</span>
                    </>
                  )}
                </td>
                <td>
                  <bdi dir="ltr">{v.format}</bdi>
                </td>
                <td class="source">
                  <bdi>{v.source}</bdi>
                </td>
                <td>{formatDateTime(locale, v.generated_at)}</td>
                <td>{formatDateTime(locale, v.imported_at)}</td>
                <td class="num">{formatNumber(locale, v.entities)}</td>
                <td class="num">{formatNumber(locale, v.names)}</td>
                <td class="num">{formatNumber(locale, v.documents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PurposeGate>
        <div class={entity ? 'diff-layout with-entity' : 'diff-layout'}>
          <section aria-labelledby="diff-title">
            <h2 id="diff-title">{t('compareTitle')}</h2>
            {versions.data &&
              (list.length < 2 ? (
                <p class="muted">{t('onlyOne')}</p>
              ) : (
                <Diff path={path} versions={list} imports={imports} />
              ))}
          </section>
          {entity && (
            <EntityPanel path={path} id={entity} version={query.get('entity_version')} />
          )}
        </div>
        {can(session.me, 'lists-write') && (
          <ImportForm list={props.list} onImported={() => setImports((n) => n + 1)} />
        )}
      </PurposeGate>
    </>
  );
}

function Diff(props: { path: string; versions: ListVersion[]; imports: number }) {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const { query } = useLocation();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const diff = useLoad(
    (signal) =>
      api<ListDiff>(`${props.path}/diff`, {
        query: { from, to },
        purpose: session.purpose,
        signal,
      }),
    [props.path, from, to, session.purpose, props.imports],
  );
  const d = diff.data;
  const [newest, older] = props.versions.map((v) => v.version);
  const versionSelect = (name: string, label: string, value: number | undefined) => (
    <label>
      {label}
      <select name={name} key={`${name}${value}`}>
        {props.versions.map((v) => (
          <option value={v.version} key={v.version} selected={v.version === value}>
            {formatNumber(locale, v.version)}
            {v.active ? ` (${t('active')})` : ''}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.target as HTMLFormElement);
          setQuery({ from: String(f.get('from')), to: String(f.get('to')), entity: null });
        }}
      >
        {versionSelect('from', t('fromVersion'), d?.from ?? Number(from || older))}
        {versionSelect('to', t('toVersion'), d?.to ?? Number(to || newest))}
        <button type="submit">{t('compare')}</button>
      </form>
      {diff.loading && <Loading />}
      {!!diff.error && <ErrorBox error={diff.error} onRetry={diff.reload} />}
      {d && !diff.loading && (
        <div data-testid="diff">
          <p>
            <strong>
              {t('diffHead', {
                from: formatNumber(locale, d.from),
                to: formatNumber(locale, d.to),
              })}
            </strong>
          </p>
          {d.added.length + d.removed.length + d.changed.length === 0 && (
            <p class="muted">{t('nothingChanged')}</p>
          )}
          <DiffSection kind="added" title={t('added')} ids={d.added} />
          <DiffSection kind="removed" title={t('removed')} ids={d.removed} version={d.from} />
          <DiffSection
            kind="changed"
            title={t('changed')}
            ids={d.changed.map((c) => c.id)}
            fields={new Map(d.changed.map((c) => [c.id, c.fields]))}
          />
        </div>
      )}
    </>
  );
}

function DiffSection(props: {
  kind: 'added' | 'removed' | 'changed';
  title: string;
  ids: string[];
  fields?: Map<string, string[]>;
  // The version that still has these entries (a removed one is not in the active).
  version?: number;
}) {
  const t = useT(m);
  const locale = useLocale();
  const { query } = useLocation();
  if (props.ids.length === 0) return null;
  return (
    <section class={`diff-section ${props.kind}`} data-testid={`diff-${props.kind}`}>
      <h3>
        {props.title} ({formatNumber(locale, props.ids.length)})
      </h3>
      <ul>
        {props.ids.map((id) => (
          <li key={id}>
            <Link
              to={hrefWith({
                entity: id,
                entity_version: props.version ? String(props.version) : null,
              })}
              aria-current={query.get('entity') === id ? 'page' : undefined}
            >
              <bdi dir="ltr">{id}</bdi>
            </Link>
            {props.fields?.get(id)?.map((f) => (
              <span class="badge field" key={f}>
                {codeLabel(t, 'field_', f)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EntityPanel(props: { path: string; id: string; version: string | null }) {
  const t = useT(m);
  const session = useSession();
  const entry = useLoad(
    (signal) =>
      api<{ entity: Entity }>(`${props.path}/entities/${encodeURIComponent(props.id)}`, {
        query: { version: props.version },
        purpose: session.purpose,
        signal,
      }),
    [props.path, props.id, props.version, session.purpose],
  );
  const gone = entry.error instanceof ApiError && entry.error.status === 404;
  return (
    <section class="card entity-panel" aria-labelledby="entity-title">
      <div class="entity-head">
        <h2 id="entity-title">{t('entryTitle')}</h2>
        <button type="button" onClick={() => setQuery({ entity: null, entity_version: null })}>
          {t('closeEntry')}
        </button>
      </div>
      {entry.loading && <Loading />}
      {!!entry.error && <ErrorBox error={entry.error} />}
      {gone && <p class="muted">{t('entryGone')}</p>}
      {entry.data && <EntityCard entity={entry.data.entity} />}
    </section>
  );
}
