// A partner's only screen: the confirmed matches disclosed to their own
// organisation (GET /v1/shared), each with why it was shared. Who on our
// side shared it, our notes and history are never part of it.
import { api } from '../api';
import { ErrorBox, Loading, PageTitle, PurposeGate, useLoad } from '../components/ui';
import { defineMessages, formatDate, formatDateTime, useLocale, useT } from '../i18n';
import { useSession } from '../session';
import { SubjectFacts } from './audit/SubjectFacts';
import './audit/audit.css';

const sm = defineMessages(
  {
    title: 'Shared with us',
    intro:
      'Confirmed watchlist matches disclosed to your organisation ({org}), each with the reason it was shared. Nothing else is visible to you.',
    none: 'Nothing has been shared with your organisation.',
    count: '{n} disclosures',
    caseRef: 'Case {ref}',
    person: 'Person',
    entry: 'List entry',
    decidedAt: 'Decided on',
    flight: 'Flight',
    reason: 'Reason for sharing',
    sharedAt: 'Shared on',
    revoked: 'Withdrawn on {at}',
    decision_confirmed: 'confirmed match',
    'decision_false-positive': 'false positive',
    decision_inconclusive: 'inconclusive',
  },
  {
    ar: {
      title: 'ما شورك معنا',
      intro:
        'تطابقات مؤكَّدة مع قوائم المراقبة أُفصح عنها لمؤسستك ({org})، مع سبب المشاركة لكل منها. ولا يظهر لك شيء غير ذلك.',
      none: 'لم يُشارَك أي شيء مع مؤسستك.',
      count: '{n} من الإفصاحات',
      caseRef: 'القضية {ref}',
      person: 'الشخص',
      entry: 'القيد في القائمة',
      decidedAt: 'تاريخ القرار',
      flight: 'الرحلة',
      reason: 'سبب المشاركة',
      sharedAt: 'تاريخ المشاركة',
      revoked: 'سُحب في {at}',
      decision_confirmed: 'تطابق مؤكَّد',
      'decision_false-positive': 'إيجابي كاذب',
      decision_inconclusive: 'غير حاسم',
    },
    ru: {
      title: 'Переданное нам',
      intro:
        'Подтверждённые совпадения со списками, переданные вашей организации ({org}), с основанием каждой передачи. Ничего другого вам не видно.',
      none: 'Вашей организации ничего не передавалось.',
      count: 'Передач: {n}',
      caseRef: 'Дело {ref}',
      person: 'Лицо',
      entry: 'Запись в списке',
      decidedAt: 'Дата решения',
      flight: 'Рейс',
      reason: 'Основание передачи',
      sharedAt: 'Дата передачи',
      revoked: 'Отозвано {at}',
      decision_confirmed: 'совпадение подтверждено',
      'decision_false-positive': 'ложное срабатывание',
      decision_inconclusive: 'не установлено',
    },
    fr: {
      title: 'Partagé avec nous',
      intro:
        'Les correspondances confirmées avec les listes de surveillance communiquées à votre organisation ({org}), chacune avec le motif de la communication. Rien d’autre ne vous est visible.',
      none: 'Rien n’a été communiqué à votre organisation.',
      count: '{n} communications',
      caseRef: 'Dossier {ref}',
      person: 'Personne',
      entry: 'Inscription sur la liste',
      decidedAt: 'Décidée le',
      flight: 'Vol',
      reason: 'Motif de la communication',
      sharedAt: 'Communiquée le',
      revoked: 'Retirée le {at}',
      decision_confirmed: 'correspondance confirmée',
      'decision_false-positive': 'faux positif',
      decision_inconclusive: 'non concluant',
    },
  },
);

interface Disclosure {
  id: number;
  partner: string;
  alert: number;
  reason: string;
  shared_at: string;
  revoked_at: string | null;
  view: {
    case: string;
    subject: unknown;
    subject_id: string | null;
    list: string;
    entity_id: string;
    decision: string;
    decided_at: string;
    flight: string;
  };
}

export function SharedPage(_props: { params: Record<string, string> }) {
  const t = useT(sm);
  const { me } = useSession();
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{t('intro', { org: me.organisation ?? '' })}</p>
      <PurposeGate>
        <Disclosures />
      </PurposeGate>
    </>
  );
}

function Disclosures() {
  const t = useT(sm);
  const session = useSession();
  const shared = useLoad(
    (signal) =>
      api<{ shared: Disclosure[] }>('/v1/shared', { purpose: session.purpose, signal }),
    [session.purpose],
  );
  if (shared.error) return <ErrorBox error={shared.error} onRetry={shared.reload} />;
  if (!shared.data) return <Loading />;
  const all = shared.data.shared;
  if (all.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <>
      <p class="muted">{t('count', { n: all.length })}</p>
      {all.map((d) => (
        <DisclosureCard key={d.id} d={d} />
      ))}
    </>
  );
}

function DisclosureCard(props: { d: Disclosure }) {
  const t = useT(sm);
  const locale = useLocale();
  const { d } = props;
  const v = d.view;
  const decisionKey = `decision_${v.decision}` as keyof (typeof sm)['en'];
  return (
    <article class="card" data-testid={`shared-${d.id}`} aria-labelledby={`shared-${d.id}-title`}>
      <h2 id={`shared-${d.id}-title`}>
        {t('caseRef', { ref: v.case || `#${d.alert}` })}{' '}
        <span class={`badge ${v.decision}`}>
          {sm.en[decisionKey] ? t(decisionKey) : v.decision}
        </span>
      </h2>
      {d.revoked_at && (
        <p class="error">{t('revoked', { at: formatDateTime(locale, d.revoked_at) })}</p>
      )}
      <h3>{t('person')}</h3>
      <SubjectFacts subject={v.subject} subjectId={v.subject_id} />
      <dl class="facts">
        <dt>{t('entry')}</dt>
        <dd>
          <bdi dir="ltr">
            {v.entity_id.includes(':') ? v.entity_id : `${v.list}:${v.entity_id}`}
          </bdi>
        </dd>
        <dt>{t('decidedAt')}</dt>
        <dd>{formatDate(locale, v.decided_at)}</dd>
        {v.flight && (
          <>
            <dt>{t('flight')}</dt>
            <dd>
              <bdi dir="ltr">{v.flight}</bdi>
            </dd>
          </>
        )}
        <dt>{t('reason')}</dt>
        <dd>
          <bdi dir="auto">{d.reason}</bdi>
        </dd>
        <dt>{t('sharedAt')}</dt>
        <dd>{formatDateTime(locale, d.shared_at)}</dd>
      </dl>
    </article>
  );
}
