// The selected node beside the graph: its name, type, id and properties,
// with the actions a reader takes next (expand it, or start again from it).
import { NameText } from '../../components/ui';
import { useT } from '../../i18n';
import { GraphNode, propText } from './graph';
import { m } from './messages';
import { propMessages as propNames } from './prop-messages';
import { Swatch } from './nodeStyle';
import { TypeName } from './TypeName';

export function NodePanel(props: {
  node: GraphNode | null;
  busy: boolean;
  onExpand: (id: string) => void;
  onStart: (id: string) => void;
}) {
  const t = useT(m);
  const tp = useT(propNames);
  const n = props.node;
  const known = (k: string): k is keyof (typeof propNames)['en'] => k in propNames.en;
  const value = (v: unknown) => (typeof v === 'boolean' ? tp(v ? 'yes' : 'no') : propText(v));
  return (
    <aside class="card node-panel" aria-labelledby="node-panel-title" aria-live="polite">
      <h2 id="node-panel-title">{t('properties')}</h2>
      {!n ? (
        <p class="muted">{t('noSelection')}</p>
      ) : (
        <>
          <p class="node-name">
            <NameText name={n.original || n.label} latin={n.latin ?? null} />
          </p>
          <p>
            <Swatch type={n.type} masked={n.masked} /> <TypeName type={n.type} />
          </p>
          <p>
            <code>
              <bdi>{n.id}</bdi>
            </code>
          </p>
          {n.masked && <p class="masked-note">{t('masked')}</p>}
          <dl class="props">
            {Object.entries(n.properties ?? {})
              .filter(([, v]) => v !== null && v !== undefined && v !== '')
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{known(k) ? tp(k) : k}</dt>
                  <dd>
                    <bdi>{value(v)}</bdi>
                  </dd>
                </div>
              ))}
          </dl>
          <div class="node-actions">
            <button
              type="button"
              class="primary"
              disabled={props.busy}
              onClick={() => props.onExpand(n.id)}
            >
              {props.busy ? t('expanding') : t('expand')}
            </button>
            <button type="button" onClick={() => props.onStart(n.id)}>
              {t('startHere')}
            </button>
          </div>
        </>
      )}
    </aside>
  );
}
