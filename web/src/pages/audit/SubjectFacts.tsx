// A person as they were screened (an alert's subject: the query's names,
// date of birth, nationality, document ...), names in their own script with
// the transliteration beside.
import { NameText } from '../../components/ui';
import { useT } from '../../i18n';
import { um } from './unmask-messages';

type Subject = Record<string, unknown>;

// The screening parameters, not facts about the person.
const SKIP = new Set(['threshold', 'limit', 'id']);
// A screening query names the document doc/doc_country, a held subject
// document/document_country; type and kind likewise.
const KNOWN = new Set([
  ...['names', 'name', 'aliases', 'dob', 'nationality', 'gender'],
  ...['doc', 'doc_country', 'document', 'document_country', 'type', 'kind'],
]);

export function SubjectFacts(props: { subject: unknown; subjectId?: string | null }) {
  const t = useT(um);
  const s = props.subject;
  if (!s || typeof s !== 'object') {
    return (
      <dl class="facts">
        {props.subjectId && <Fact label={t('subjectId')} value={props.subjectId} />}
        {typeof s === 'string' && <Fact label={t('detail')} value={s} />}
      </dl>
    );
  }
  const subject = s as Subject;
  const names = [subject.name, ...asList(subject.names), ...asList(subject.aliases)].filter(
    (n): n is string => typeof n === 'string' && n !== '',
  );
  const text = (...keys: string[]) =>
    keys.map((k) => subject[k]).find((v): v is string => typeof v === 'string' && v !== '');
  const other = Object.entries(subject).filter(
    ([k, v]) => !KNOWN.has(k) && !SKIP.has(k) && v !== '' && v !== null,
  );
  const doc = [text('doc', 'document'), text('doc_country', 'document_country')]
    .filter(Boolean)
    .join(' · ');
  const dob = text('dob');
  const nationality = text('nationality');
  const gender = text('gender');
  const type = text('type', 'kind');
  return (
    <dl class="facts">
      {props.subjectId && <Fact label={t('subjectId')} value={props.subjectId} />}
      {names.length > 0 && (
        <>
          <dt>{t('names')}</dt>
          <dd>
            {names.map((n, i) => (
              <div key={i}>
                <NameText name={n} />
              </div>
            ))}
          </dd>
        </>
      )}
      {dob && <Fact label={t('dob')} value={dob} />}
      {nationality && <Fact label={t('nationality')} value={nationality} />}
      {gender && <Fact label={t('gender')} value={gender} />}
      {doc && <Fact label={t('document')} value={doc} />}
      {type && <Fact label={t('type')} value={type} />}
      {other.length > 0 && (
        <>
          <dt>{t('otherData')}</dt>
          <dd>
            <code dir="ltr">{JSON.stringify(Object.fromEntries(other))}</code>
          </dd>
        </>
      )}
    </dl>
  );
}

function asList(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
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
