// Propose to designate, amend or delist an entry of a national list, with
// the statement of reasons and references to the evidence.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { common } from '../../components/common-messages';
import { ErrorBox } from '../../components/ui';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { d } from './designationMessages';
import type { Proposal } from './types';

type Action = 'designate' | 'amend' | 'delist';

const lines = (v: FormDataEntryValue | null) =>
  String(v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

// The request body: only what was filled in, as POST /v1/designations reads it.
function bodyOf(action: Action, f: FormData): Record<string, unknown> {
  const text = (k: string) => String(f.get(k) ?? '').trim();
  const body: Record<string, unknown> = { action, reasons: text('reasons') };
  if (action === 'designate') body.list = text('list');
  else body.entity_id = text('entity_id');
  const evidence = lines(f.get('evidence'));
  if (evidence.length) body.evidence = evidence;
  if (action === 'delist') return body;
  body.name = text('name');
  body.kind = text('kind');
  for (const k of ['dob', 'nationality', 'program']) if (text(k)) body[k] = text(k);
  for (const k of ['aliases', 'documents']) {
    const v = lines(f.get(k));
    if (v.length) body[k] = v;
  }
  return body;
}

export function ProposalForm(props: { onProposed: (p: Proposal) => void; onCancel: () => void }) {
  const t = useT(d);
  const tc = useT(common);
  const session = useSession();
  const [action, setAction] = useState<Action>('designate');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const p = await api<Proposal>('/v1/designations', {
        body: bodyOf(action, new FormData(e.target as HTMLFormElement)),
        purpose: session.purpose,
      });
      props.onProposed(p);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="propose-title">
      <h2 id="propose-title">{t('formTitle')}</h2>
      <form onSubmit={submit}>
        <div class="proposal-grid">
          <div>
            <label for="p-action">{t('action')}</label>
            <select
              id="p-action"
              value={action}
              onChange={(e) => setAction((e.target as HTMLSelectElement).value as Action)}
            >
              {(['designate', 'amend', 'delist'] as const).map((a) => (
                <option value={a} key={a}>
                  {t(`action_${a}`)}
                </option>
              ))}
            </select>
          </div>
          {action === 'designate' ? (
            <div>
              <label for="p-list">{t('list')}</label>
              <input id="p-list" name="list" required dir="ltr" aria-describedby="p-list-hint" />
              <small id="p-list-hint" class="field-hint">
                {t('listHint')}
              </small>
            </div>
          ) : (
            <div>
              <label for="p-entity">{t('entityId')}</label>
              <input
                id="p-entity"
                name="entity_id"
                required
                dir="ltr"
                aria-describedby="p-entity-hint"
              />
              <small id="p-entity-hint" class="field-hint">
                {t('entityHint')}
              </small>
            </div>
          )}
          {action !== 'delist' && (
            <>
              <div>
                <label for="p-name">{t('name')}</label>
                <input id="p-name" name="name" required dir="auto" />
              </div>
              <div>
                <label for="p-kind">{t('kind')}</label>
                <select id="p-kind" name="kind">
                  <option value="person">{t('kind_person')}</option>
                  <option value="organization">{t('kind_organization')}</option>
                </select>
              </div>
              <div>
                <label for="p-dob">{t('dob')}</label>
                <input id="p-dob" name="dob" dir="ltr" placeholder={t('dobHint')} />
              </div>
              <div>
                <label for="p-nationality">{t('nationality')}</label>
                <input id="p-nationality" name="nationality" dir="auto" />
              </div>
              <div>
                <label for="p-program">{t('program')}</label>
                <input id="p-program" name="program" dir="auto" />
              </div>
              <div class="wide">
                <label for="p-aliases">{t('aliases')}</label>
                <textarea id="p-aliases" name="aliases" dir="auto" rows={3} />
              </div>
              <div class="wide">
                <label for="p-documents">{t('documents')}</label>
                <textarea id="p-documents" name="documents" dir="ltr" rows={2} />
              </div>
            </>
          )}
          <div class="wide">
            <label for="p-reasons">{t('reasonsField')}</label>
            <textarea id="p-reasons" name="reasons" required dir="auto" />
          </div>
          <div class="wide">
            <label for="p-evidence">{t('evidenceField')}</label>
            <textarea id="p-evidence" name="evidence" dir="auto" rows={2} />
          </div>
        </div>
        {!!error && <ErrorBox error={error} />}
        <div class="button-row">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('sending') : t('submit')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {tc('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
