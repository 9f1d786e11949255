// The link graph as GET /v1/network answers it, merged across expansions,
// and its exports (JSON in the API's shape, GraphML with declared keys).
export interface GraphNode {
  id: string;
  type: string;
  label: string;
  original?: string | null;
  latin?: string | null;
  properties?: Record<string, unknown>;
  masked?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
}

export interface NetworkAnswer {
  node: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface Graph {
  start: string;
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  truncated: boolean;
}

// Node types in the order of the legend; the server may add others.
export const NODE_TYPES = [
  'traveller',
  'subject',
  'booking',
  'flight',
  'document',
  'phone',
  'email',
  'card',
  'entity',
  'alert',
] as const;

export function edgeId(e: GraphEdge): string {
  return `${e.source}|${e.type}|${e.target}`;
}

export function emptyGraph(start: string): Graph {
  return { start, nodes: new Map(), edges: new Map(), truncated: false };
}

// A new graph with `answer` added to `g` (a node seen again keeps its first form).
export function merge(g: Graph, answer: NetworkAnswer): Graph {
  const nodes = new Map(g.nodes);
  const edges = new Map(g.edges);
  for (const n of answer.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  for (const e of answer.edges) {
    if (nodes.has(e.source) && nodes.has(e.target)) edges.set(edgeId(e), e);
  }
  return { start: g.start, nodes, edges, truncated: g.truncated || answer.truncated };
}

// The part of `g` whose node types are shown, and the edges between them.
export function visible(g: Graph, hidden: Set<string>): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = [...g.nodes.values()].filter((n) => !hidden.has(n.type));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = [...g.edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes, edges };
}

export function toJson(start: string, nodes: GraphNode[], edges: GraphEdge[]): string {
  return JSON.stringify({ node: start, nodes, edges }, null, 2) + '\n';
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function propText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

// GraphML (http://graphml.graphdrawing.org): a key for each node field and
// each property name present, so that Gephi or yEd read them as attributes.
export function toGraphML(nodes: GraphNode[], edges: GraphEdge[]): string {
  const fixed = ['type', 'label', 'original', 'latin'] as const;
  const props = [...new Set(nodes.flatMap((n) => Object.keys(n.properties ?? {})))].sort();
  const keys = [
    ...fixed.map((name) => ({ id: name, name, type: 'string' })),
    { id: 'masked', name: 'masked', type: 'boolean' },
    ...props.map((name, i) => ({ id: `p${i}`, name, type: 'string' })),
  ];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ' +
      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(
      (k) => `  <key id="${k.id}" for="node" attr.name="${xml(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <key id="etype" for="edge" attr.name="type" attr.type="string"/>',
    '  <graph id="network" edgedefault="directed">',
  ];
  for (const n of nodes) {
    out.push(`    <node id="${xml(n.id)}">`);
    for (const f of fixed) {
      const v = n[f];
      if (v) out.push(`      <data key="${f}">${xml(v)}</data>`);
    }
    out.push(`      <data key="masked">${n.masked ? 'true' : 'false'}</data>`);
    props.forEach((name, i) => {
      const v = n.properties?.[name];
      if (v === undefined || v === null) return;
      out.push(`      <data key="p${i}">${xml(propText(v))}</data>`);
    });
    out.push('    </node>');
  }
  for (const e of edges) {
    out.push(
      `    <edge id="${xml(edgeId(e))}" source="${xml(e.source)}" target="${xml(e.target)}">`,
      `      <data key="etype">${xml(e.type)}</data>`,
      '    </edge>',
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

// A file name from a node id: "booking:G7TRVL" -> "network-booking-G7TRVL".
export function fileBase(start: string): string {
  return `network-${start.replace(/[^\p{L}\p{N}_-]+/gu, '-')}`.slice(0, 80);
}
