// The graph drawn by Cytoscape.js, loaded on first use so that only this
// screen pays for it. New nodes appear beside a neighbour already drawn and
// the layout continues from where it was, so an expansion does not reshuffle
// what the reader has already looked at.
import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { edgeId, GraphEdge, GraphNode } from './graph';
import { cyStyle } from './nodeStyle';

export interface GraphCanvasProps {
  start: string;
  nodes: GraphNode[]; // every node fetched; those of hidden types are not displayed
  edges: GraphEdge[];
  hidden: Set<string>;
  selected: string | null;
  nodeText: (n: GraphNode) => string;
  edgeText: (type: string) => string;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  label: string;
}

const MAX_FIT_ZOOM = 1.2;

export function GraphCanvas(props: GraphCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    let instance: Core | null = null;
    let live = true;
    import('cytoscape').then(({ default: cytoscape }) => {
      if (!live || !box.current) return;
      const font = getComputedStyle(document.documentElement).fontFamily;
      instance = cytoscape({
        container: box.current,
        style: cyStyle(font) as never,
        minZoom: 0.2,
        maxZoom: 3,
      });
      instance.on('tap', 'node', (e) => handlers.current.onSelect(e.target.id()));
      instance.on('tap', (e) => e.target === instance && handlers.current.onSelect(null));
      instance.on('dbltap', 'node', (e) => handlers.current.onExpand(e.target.id()));
      setCy(instance);
    });
    return () => {
      live = false;
      instance?.destroy();
    };
  }, []);

  // Elements: remove what left, add what came, then lay out if anything did.
  useEffect(() => {
    if (!cy) return;
    const want = new Set([...props.nodes.map((n) => n.id), ...props.edges.map(edgeId)]);
    cy.elements().filter((el) => !want.has(el.id())).remove();
    const added: ElementDefinition[] = [];
    for (const n of props.nodes) {
      if (cy.getElementById(n.id).nonempty()) continue;
      added.push({
        group: 'nodes',
        data: { id: n.id, type: n.type },
        position: besideNeighbour(cy, n.id, props.edges),
      });
    }
    for (const e of props.edges) {
      const id = edgeId(e);
      if (cy.getElementById(id).nonempty()) continue;
      added.push({ group: 'edges', data: { ...e, id } });
    }
    if (added.length === 0) return;
    const first = cy.nodes().empty();
    cy.add(added);
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: first,
      fit: true,
      padding: 40,
      nodeRepulsion: () => 400000,
      idealEdgeLength: () => 100,
      nodeOverlap: 20,
      gravity: 80,
    } as never).run();
    // A small graph would otherwise fill the box at three times its size.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }, [cy, props.nodes, props.edges]);

  // Labels (they follow the language), classes and the selection.
  useEffect(() => {
    if (!cy) return;
    const byId = new Map(props.nodes.map((n) => [n.id, n]));
    cy.batch(() => {
      cy.nodes().forEach((el) => {
        const n = byId.get(el.id());
        if (!n) return;
        el.data('text', props.nodeText(n));
        el.toggleClass('hidden', props.hidden.has(n.type));
        el.toggleClass('masked', !!n.masked);
        el.toggleClass('start', n.id === props.start);
        if (n.id === props.selected) el.select();
        else el.unselect();
      });
      cy.edges().forEach((el) => {
        el.data('text', props.edgeText(el.data('type')));
      });
    });
  });

  return <div ref={box} class="graph-canvas" dir="ltr" role="img" aria-label={props.label} />;
}

// A spot near a node already drawn that links to `id`, so a new node
// appears where its link is.
function besideNeighbour(cy: Core, id: string, edges: GraphEdge[]) {
  for (const e of edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null;
    if (!other) continue;
    const el = cy.getElementById(other);
    if (el.nonempty()) {
      const p = el.position();
      const a = Math.random() * 2 * Math.PI;
      return { x: p.x + 70 * Math.cos(a), y: p.y + 70 * Math.sin(a) };
    }
  }
  return { x: 0, y: 0 };
}
