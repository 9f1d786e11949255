// A listed entry as stored: every name (original script with its
// transliteration), dates and places of birth, nationalities, documents.
import type { ComponentChildren } from 'preact';
import { NameText } from '../../components/ui';
import { formatDate, useLocale, useT } from '../../i18n';
import { m } from './messages';
import type { Entity, Place } from './types';

type Key = keyof (typeof m)['en'];

// The message for a server code, or the code itself when it has none.
export function codeLabel(t: (k: Key) => string, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return key in m.en ? t(key as Key) : code;
}

function place(p: Place): string {
  return [p.street, p.city, p.state, p.zip, p.country ?? p.country_code, p.note]
    .filter(Boolean)
    .join(', ');
}

export function EntityCard(props: { entity: Entity; heading?: ComponentChildren }) {
  const e = props.entity;
  const t = useT(m);
  const locale = useLocale();
  const primary = e.names?.find((n) => n.kind === 'primary') ?? e.names?.[0];
  return (
    <article class="ls-entity" aria-label={primary?.full ?? e.id} data-testid="entity">
      {props.heading}
      <p>
        <bdi dir="ltr" class="entity-id">
          {e.id}
        </bdi>{' '}
        <span class="badge">{codeLabel(t, 'kind_', e.kind)}</span>
      </p>
      {e.names && e.names.length > 0 && (
        <Section title={t('names')}>
          {e.names.map((n, i) => (
            <li key={i}>
              <NameText name={n.full} class={n.kind === 'primary' ? 'primary-name' : ''} />{' '}
              <span class="muted">({codeLabel(t, 'nameKind_', n.kind)})</span>
            </li>
          ))}
        </Section>
      )}
      {e.dob && e.dob.length > 0 && (
        <Section title={t('datesOfBirth')}>
          {e.dob.map((d, i) => (
            <li key={i}>
              {d.kind === 'between'
                ? t('dobBetween', {
                    from: formatDate(locale, d.from),
                    to: formatDate(locale, d.to),
                  })
                : d.kind === 'approximate'
                  ? t('dobCirca', { date: formatDate(locale, d.from) })
                  : formatDate(locale, d.from)}
              {d.note && <span class="muted"> — {d.note}</span>}
            </li>
          ))}
        </Section>
      )}
      {e.pob && e.pob.length > 0 && (
        <Section title={t('placesOfBirth')}>
          {e.pob.map((p, i) => (
            <li key={i}>
              <bdi>{place(p)}</bdi>
            </li>
          ))}
        </Section>
      )}
      {e.nationalities && e.nationalities.length > 0 && (
        <Section title={t('nationalities')}>
          {e.nationalities.map((n, i) => (
            <li key={i}>
              <bdi>{n.text || n.country_code}</bdi>
              {n.country_code && n.text !== n.country_code && (
                <span class="muted">
                  {' '}
                  (<bdi dir="ltr">{n.country_code}</bdi>)
                </span>
              )}
            </li>
          ))}
        </Section>
      )}
      {e.documents && e.documents.length > 0 && (
        <Section title={t('documents')}>
          {e.documents.map((d, i) => (
            <li key={i}>
              <bdi>{d.type}</bdi> <bdi dir="ltr">{d.number}</bdi>
              {(d.issuing_country || d.country_code) && (
                <>
                  {' '}
                  (<bdi>{d.issuing_country || d.country_code}</bdi>)
                </>
              )}
              {d.note && <span class="muted"> — {d.note}</span>}
            </li>
          ))}
        </Section>
      )}
      {e.addresses && e.addresses.length > 0 && (
        <Section title={t('addresses')}>
          {e.addresses.map((p, i) => (
            <li key={i}>
              <bdi>{place(p)}</bdi>
            </li>
          ))}
        </Section>
      )}
      <dl class="entity-facts">
        {e.gender && <Fact label={t('gender')} value={codeLabel(t, 'gender_', e.gender)} />}
        {e.program && <Fact label={t('program')} value={e.program} />}
        {e.reference && <Fact label={t('reference')} value={e.reference} />}
        {e.listed_on && <Fact label={t('listedOn')} value={formatDate(locale, e.listed_on)} />}
        {e.designations && e.designations.length > 0 && (
          <Fact label={t('functions')} value={e.designations.join('; ')} />
        )}
      </dl>
      {e.comments && (
        <>
          <h4>{t('comments')}</h4>
          <p class="entity-comments" dir="auto">
            {e.comments}
          </p>
        </>
      )}
    </article>
  );
}

function Section(props: { title: string; children: ComponentChildren }) {
  return (
    <>
      <h4>{props.title}</h4>
      <ul class="entity-list">{props.children}</ul>
    </>
  );
}

function Fact(props: { label: string; value: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>
        <bdi>{props.value}</bdi>
      </dd>
    </>
  );
}
