// One article: its text, source and translations; for list managers the
// edit form (`?edit=1`), and at /practices/new the form for a new one.
import { Fragment } from 'preact';
import { api, can } from '../../api';
import { ErrorBox, Link, Loading, PageTitle, useLoad } from '../../components/ui';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { navigate, setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { ArticleBody } from './ArticleBody';
import { m } from './messages';
import { codeName, dirOfText, langName, Practice } from './practice';
import { PracticeForm } from './PracticeForm';
import './practices.css';

export function PracticeView(props: { params: Record<string, string> }) {
  const t = useT(m);
  const session = useSession();
  const { query } = useLocation();
  const writer = can(session.me, 'practices-write');
  const id = props.params.id;

  if (id === 'new') {
    return (
      <>
        <PageTitle>{t('formNew')}</PageTitle>
        {writer ? (
          <PracticeForm
            group={query.get('group') ?? ''}
            onSaved={(p) => navigate(`/practices/${p.id}`)}
          />
        ) : (
          <p>{t('notAllowed')}</p>
        )}
      </>
    );
  }
  return <Article id={id} edit={writer && query.get('edit') === '1'} writer={writer} />;
}

function Article(props: { id: string; edit: boolean; writer: boolean }) {
  const t = useT(m);
  const locale = useLocale();
  const article = useLoad(
    (signal) => api<Practice>(`/v1/practices/${encodeURIComponent(props.id)}`, { signal }),
    [props.id],
  );
  const p = article.data;
  if (article.error) return <ErrorBox error={article.error} onRetry={article.reload} />;
  if (!p) return <Loading />;

  if (props.edit) {
    return (
      <>
        <PageTitle>{t('formEdit')}</PageTitle>
        <PracticeForm
          initial={p}
          onSaved={() => {
            setQuery({ edit: null });
            article.reload();
          }}
          onCancel={() => setQuery({ edit: null })}
        />
      </>
    );
  }
  return (
    <article class="practice" lang={p.language} dir={dirOfText(p.language)}>
      <p class="no-print" lang={locale.lang} dir="auto">
        <Link to="/practices">{t('back')}</Link>
      </p>
      <PageTitle
        actions={
          props.writer && (
            <button type="button" onClick={() => setQuery({ edit: '1' })}>
              {t('edit')}
            </button>
          )
        }
      >
        {p.title}
      </PageTitle>
      <div lang={locale.lang} dir="auto" class="practice-meta">
        <p>
          <span class="badge">{langName(p.language)}</span>{' '}
          <span class="badge">{codeName(t, 'region', p.region)}</span>{' '}
          <span class="badge">{codeName(t, 'topic', p.topic)}</span>
        </p>
        <p class="muted small">
          {[
            t('written', { user: p.created_by }),
            p.created_at && formatDateTime(locale, p.created_at),
            p.updated_at &&
              p.updated_at !== p.created_at &&
              t('updated', { date: formatDateTime(locale, p.updated_at) }),
          ]
            .filter(Boolean)
            .map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <bdi>{part}</bdi>
              </Fragment>
            ))}
        </p>
      </div>
      <ArticleBody body={p.body ?? ''} />
      <dl class="practice-facts" lang={locale.lang}>
        <dt>{t('source')}</dt>
        <dd lang={p.language} dir="auto">
          {p.source || t('noSource')}
        </dd>
        {(p.translations ?? []).length > 0 && (
          <>
            <dt>{t('translations')}</dt>
            <dd>
              <ul class="translations">
                {p.translations!.map((tr) => (
                  <li key={tr.id} lang={tr.language} dir={dirOfText(tr.language)}>
                    <Link to={`/practices/${tr.id}`}>
                      {langName(tr.language)}: {tr.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
