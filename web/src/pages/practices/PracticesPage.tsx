// The good-practices library: search, filters (language, region, topic)
// and pages of articles. The language filter starts at the reader's own
// language; "all" shows every language. Articles name nobody: no purpose.
import { useEffect, useState } from 'preact/hooks';
import { api, can } from '../../api';
import { ErrorBox, Link, Loading, PageTitle, Pager, useLoad } from '../../components/ui';
import { formatNumber, LANGS, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { m } from './messages';
import { codeName, dirOfText, langName, PracticePage } from './practice';
import './practices.css';

const PAGE = 20;

export function PracticesPage(_props: { params: Record<string, string> }) {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const langParam = query.get('language');
  const language = langParam ?? locale.lang; // "all" = every language
  const region = query.get('region') ?? '';
  const topic = query.get('topic') ?? '';
  const after = query.get('after') ?? '';
  // The cursors of the pages before this one, for "previous".
  const [trail, setTrail] = useState<string[]>([]);

  const page = useLoad(
    (signal) =>
      api<PracticePage>('/v1/practices', {
        query: {
          q,
          language: language === 'all' ? '' : language,
          region,
          topic,
          limit: PAGE,
          after,
        },
        signal,
      }),
    [q, language, region, topic, after],
  );
  const filter = (params: Record<string, string | null>) => {
    setTrail([]);
    setQuery({ ...params, after: null });
  };

  return (
    <>
      <PageTitle
        actions={
          can(session.me, 'practices-write') && (
            <Link to="/practices/new" class="button primary">
              {t('newArticle')}
            </Link>
          )
        }
      >
        {t('title')}
      </PageTitle>
      <p class="muted">{t('intro')}</p>
      <SearchForm q={q} onSearch={(text) => filter({ q: text || null })} />
      <div class="inline-form practice-filters">
        <label>
          {t('language')}
          <select
            value={language}
            onChange={(e) => filter({ language: (e.target as HTMLSelectElement).value })}
          >
            <option value="all">{t('allLanguages')}</option>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {langName(l)}
              </option>
            ))}
          </select>
        </label>
        <CodeSelect
          label={t('region')}
          kind="region"
          value={region}
          codes={page.data?.regions}
          onChange={(v) => filter({ region: v })}
        />
        <CodeSelect
          label={t('topic')}
          kind="topic"
          value={topic}
          codes={page.data?.topics}
          onChange={(v) => filter({ topic: v })}
        />
      </div>
      {page.error ? (
        <ErrorBox error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <Loading />
      ) : (
        <>
          <p role="status" data-testid="practices-total">
            {page.data.total === 0
              ? t('none')
              : t('found', { n: formatNumber(locale, page.data.total) })}
          </p>
          <ul class="practice-list">
            {page.data.practices.map((p) => (
              <li key={p.id} class="card" lang={p.language} dir={dirOfText(p.language)}>
                <h2>
                  <Link to={`/practices/${p.id}`}>{p.title}</Link>
                </h2>
                <p class="practice-meta" lang={locale.lang} dir="auto">
                  <span class="badge">{langName(p.language)}</span>{' '}
                  <span class="badge">{codeName(t, 'region', p.region)}</span>{' '}
                  <span class="badge">{codeName(t, 'topic', p.topic)}</span>
                </p>
                {p.summary && <p>{p.summary}</p>}
                {p.source && (
                  <p class="muted small" dir="auto">
                    {p.source}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Pager
            hasPrevious={trail.length > 0}
            hasNext={!!page.data.next}
            onPrevious={() => {
              setQuery({ after: trail[trail.length - 1] || null });
              setTrail(trail.slice(0, -1));
            }}
            onNext={() => {
              setTrail([...trail, after]);
              setQuery({ after: String(page.data!.next) });
            }}
          />
        </>
      )}
    </>
  );
}

function SearchForm(props: { q: string; onSearch: (q: string) => void }) {
  const t = useT(m);
  const [text, setText] = useState(props.q);
  useEffect(() => setText(props.q), [props.q]);
  return (
    <form
      role="search"
      class="inline-form practice-search"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSearch(text.trim());
      }}
    >
      <label>
        {t('search')}
        <input
          type="search"
          name="q"
          value={text}
          size={40}
          dir="auto"
          placeholder={t('searchPlaceholder')}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" class="primary">
        {t('search')}
      </button>
    </form>
  );
}

// A region or topic filter over the codes the library holds (the current
// value stays listed while the page loads).
function CodeSelect(props: {
  label: string;
  kind: 'region' | 'topic';
  value: string;
  codes: string[] | undefined;
  onChange: (v: string | null) => void;
}) {
  const t = useT(m);
  const codes = [...new Set([...(props.codes ?? []), ...(props.value ? [props.value] : [])])];
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value || null)}
      >
        <option value="">{t('any')}</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {codeName(t, props.kind, c)}
          </option>
        ))}
      </select>
    </label>
  );
}
