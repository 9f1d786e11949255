// The graph as two tables, for screen readers and keyboards (a canvas says
// nothing to either): the same nodes and links as drawn, with the same actions.
import { NameText } from '../../components/ui';
import { useT } from '../../i18n';
import { edgeId, GraphEdge, GraphNode } from './graph';
import { m } from './messages';
import { Swatch } from './nodeStyle';
import { useTypeNames } from './TypeName';

export function GraphTables(props: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected: string | null;
  busy: string | null;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
}) {
  const t = useT(m);
  const names = useTypeNames();
  const byId = new Map(props.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => {
    const n = byId.get(id);
    return n ? <NameText name={n.original || n.label} latin={n.latin ?? null} /> : <bdi>{id}</bdi>;
  };
  return (
    <div class="graph-tables">
      <h2 id="nodes-table">{t('nodesTable')}</h2>
      <table class="data" aria-labelledby="nodes-table">
        <thead>
          <tr>
            <th scope="col">{t('colType')}</th>
            <th scope="col">{t('colName')}</th>
            <th scope="col">{t('colId')}</th>
            <th scope="col">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.nodes.map((n) => (
            <tr key={n.id} aria-selected={n.id === props.selected ? 'true' : undefined}>
              <td>
                <Swatch type={n.type} masked={n.masked} /> {names.node(n.type)}
                {n.masked && <span class="badge">{t('maskedShort')}</span>}
              </td>
              <td>{nameOf(n.id)}</td>
              <td>
                <code>
                  <bdi>{n.id}</bdi>
                </code>
              </td>
              <td class="row-actions">
                <button type="button" onClick={() => props.onSelect(n.id)}>
                  {t('select')}
                </button>
                <button
                  type="button"
                  disabled={props.busy === n.id}
                  onClick={() => props.onExpand(n.id)}
                >
                  {props.busy === n.id ? t('expanding') : t('expand')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="edges-table">{t('edgesTable')}</h2>
      <table class="data" aria-labelledby="edges-table">
        <thead>
          <tr>
            <th scope="col">{t('colFrom')}</th>
            <th scope="col">{t('colLink')}</th>
            <th scope="col">{t('colTo')}</th>
          </tr>
        </thead>
        <tbody>
          {props.edges.map((e) => (
            <tr key={edgeId(e)}>
              <td>{nameOf(e.source)}</td>
              <td>{names.edge(e.type)}</td>
              <td>{nameOf(e.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
