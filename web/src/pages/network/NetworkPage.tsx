// The network screen: the links around a node (GET /v1/network), drawn as a
// graph to explore (select, expand, filter by type) and listed as tables,
// exportable as GraphML and JSON exactly as shown. The start node, depth and
// shown types live in the address; expansions are this view's own.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, download } from '../../api';
import { ErrorBox, Loading, PageTitle, PurposeGate, useLoad } from '../../components/ui';
import { formatNumber, useLocale, useT } from '../../i18n';
import { setQuery, useLocation } from '../../router';
import { useSession } from '../../session';
import { isNonLatin } from '../../translit';
import { GraphCanvas } from './GraphCanvas';
import { GraphTables } from './GraphTables';
import {
  emptyGraph,
  fileBase,
  GraphNode,
  merge,
  NetworkAnswer,
  NODE_TYPES,
  toGraphML,
  toJson,
  visible,
} from './graph';
import { m } from './messages';
import { NodePanel } from './NodePanel';
import { Swatch } from './nodeStyle';
import { useTypeNames } from './TypeName';
import './network.css';

const NONE: NetworkAnswer[] = [];

export function NetworkPage(_props: { params: Record<string, string> }) {
  const t = useT(m);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{t('intro')}</p>
      <PurposeGate>
        <Network />
      </PurposeGate>
    </>
  );
}

function Network() {
  const t = useT(m);
  const locale = useLocale();
  const session = useSession();
  const names = useTypeNames();
  const { query } = useLocation();
  const start = (query.get('node') ?? '').trim();
  const depth = Math.min(3, Math.max(1, Number(query.get('depth')) || 1));
  const typesParam = query.get('types');
  const shown = typesParam === null ? null : new Set(typesParam.split(',').filter(Boolean));
  const hidden = new Set(NODE_TYPES.filter((ty) => shown && !shown.has(ty)));
  // Sent to the server only when some type is left out.
  const typesQuery = hidden.size > 0 ? [...(shown ?? [])].join(',') : undefined;

  const fetchNetwork = (node: string, d: number, signal?: AbortSignal) =>
    api<NetworkAnswer>('/v1/network', {
      query: { node, depth: d, types: typesQuery },
      purpose: session.purpose,
      signal,
    });

  const base = useLoad(
    async (signal) =>
      start ? { answer: await fetchNetwork(start, depth, signal), types: typesQuery } : null,
    [start, depth, session.purpose],
  );
  // Expansions belong to the base graph they were made on.
  const [extra, setExtra] = useState<{ on: unknown; answers: NetworkAnswer[] }>({
    on: null,
    answers: [],
  });
  const answers = extra.on === base.data ? extra.answers : NONE;
  const graph = useMemo(() => {
    if (!base.data) return null;
    return [base.data.answer, ...answers].reduce(merge, emptyGraph(base.data.answer.node));
  }, [base.data, answers]);

  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [expandError, setExpandError] = useState<unknown>(null);
  useEffect(() => {
    setSelected(base.data?.answer.node ?? null);
    setStatus('');
    setExpandError(null);
  }, [start, base.data]);

  const expand = async (id: string) => {
    if (!graph || busy) return;
    setSelected(id);
    setBusy(id);
    setExpandError(null);
    try {
      const answer = await fetchNetwork(id, 1);
      const added = answer.nodes.filter((n) => !graph.nodes.has(n.id)).length;
      setExtra({ on: base.data, answers: [...answers, answer] });
      setStatus(added > 0 ? t('added', { n: formatNumber(locale, added) }) : t('nothingAdded'));
    } catch (e) {
      setExpandError(e);
    } finally {
      setBusy(null);
    }
  };

  const toggleType = (type: string, on: boolean) => {
    const next = new Set<string>(NODE_TYPES.filter((ty) => !hidden.has(ty)));
    if (on) next.add(type);
    else next.delete(type);
    setQuery({ types: next.size === NODE_TYPES.length ? null : [...next].join(',') });
  };

  const all = useMemo(
    () => (graph ? { nodes: [...graph.nodes.values()], edges: [...graph.edges.values()] } : null),
    [graph],
  );
  const view = graph ? visible(graph, hidden) : { nodes: [], edges: [] };
  // A type ticked now but left out of the fetch that built the graph.
  const fetchedTypes = base.data?.types?.split(',');
  const missing =
    !!fetchedTypes && NODE_TYPES.some((ty) => !hidden.has(ty) && !fetchedTypes.includes(ty));
  const nodeText = (n: GraphNode) => {
    const name = n.original || n.label;
    return n.latin && n.latin !== name && isNonLatin(name) ? `${name}\n${n.latin}` : name;
  };
  const exportAs = (kind: 'graphml' | 'json') => {
    const file = fileBase(graph!.start);
    if (kind === 'graphml') {
      download(`${file}.graphml`, toGraphML(view.nodes, view.edges), 'application/graphml+xml');
    } else {
      download(`${file}.json`, toJson(graph!.start, view.nodes, view.edges), 'application/json');
    }
  };

  return (
    <>
      <StartForm start={start} depth={depth} />
      {!start ? (
        <p class="muted">{t('empty')}</p>
      ) : base.loading && !graph ? (
        <Loading />
      ) : base.error ? (
        <ErrorBox error={base.error} onRetry={base.reload} />
      ) : graph ? (
        <>
          <fieldset class="type-filter">
            <legend>{t('legend')}</legend>
            {NODE_TYPES.map((ty) => (
              <label key={ty}>
                <input
                  type="checkbox"
                  checked={!hidden.has(ty)}
                  onChange={(e) => toggleType(ty, (e.target as HTMLInputElement).checked)}
                />
                <Swatch type={ty} /> {names.node(ty)}
              </label>
            ))}
            <span class="masked-key">
              <Swatch type="traveller" masked /> {t('maskedShort')}
            </span>
          </fieldset>
          <div class="graph-bar">
            <p
              data-testid="graph-count"
              data-nodes={view.nodes.length}
              data-edges={view.edges.length}
              aria-live="polite"
            >
              {t('count', {
                n: formatNumber(locale, view.nodes.length),
                m: formatNumber(locale, view.edges.length),
              })}
            </p>
            <div class="graph-exports">
              <button type="button" onClick={() => exportAs('graphml')}>
                {t('exportGraphml')}
              </button>
              <button type="button" onClick={() => exportAs('json')}>
                {t('exportJson')}
              </button>
            </div>
          </div>
          {graph.truncated && <p class="note">{t('truncated')}</p>}
          {missing && (
            <p class="note">
              {t('notFetched')}{' '}
              <button type="button" onClick={base.reload}>
                {t('redraw')}
              </button>
            </p>
          )}
          {status && (
            <p class="ok-note" role="status">
              {status}
            </p>
          )}
          {expandError !== null && <ErrorBox error={expandError} />}
          <p class="muted small">{t('canvasHelp')}</p>
          <div class="network-layout">
            <GraphCanvas
              start={graph.start}
              nodes={all!.nodes}
              edges={all!.edges}
              hidden={hidden}
              selected={selected}
              nodeText={nodeText}
              edgeText={names.edge}
              onSelect={setSelected}
              onExpand={expand}
              label={t('graphLabel')}
            />
            <NodePanel
              node={(selected && graph.nodes.get(selected)) || null}
              busy={busy !== null}
              onExpand={expand}
              onStart={(id) => setQuery({ node: id })}
            />
          </div>
          <GraphTables
            nodes={view.nodes}
            edges={view.edges}
            selected={selected}
            busy={busy}
            onSelect={setSelected}
            onExpand={expand}
          />
        </>
      ) : null}
    </>
  );
}

function StartForm(props: { start: string; depth: number }) {
  const t = useT(m);
  const locale = useLocale();
  const [node, setNode] = useState(props.start);
  useEffect(() => setNode(props.start), [props.start]);
  return (
    <form
      class="inline-form card"
      onSubmit={(e) => {
        e.preventDefault();
        setQuery({ node: node.trim() || null });
      }}
    >
      <label>
        {t('startLabel')}
        <input
          name="node"
          value={node}
          size={36}
          dir="ltr"
          placeholder="booking:G7TRVL"
          aria-describedby="start-hint"
          onInput={(e) => setNode((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        {t('depth')}
        <select
          name="depth"
          value={String(props.depth)}
          onChange={(e) => setQuery({ depth: (e.target as HTMLSelectElement).value })}
        >
          {[1, 2, 3].map((d) => (
            <option key={d} value={String(d)}>
              {formatNumber(locale, d)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary">
        {t('show')}
      </button>
      <p id="start-hint" class="muted small">
        {t('startHint')}
      </p>
    </form>
  );
}
