// How each node type looks: a colour and a shape, so that the types stay
// apart for colour-blind readers and in grey print, and the same swatch in
// the legend as on the canvas.
import type { NodeSingular } from 'cytoscape';

type Shape =
  | 'ellipse'
  | 'hexagon'
  | 'round-rectangle'
  | 'vee'
  | 'barrel'
  | 'diamond'
  | 'tag'
  | 'rectangle'
  | 'star'
  | 'octagon';

export const TYPE_STYLE: Record<string, { color: string; shape: Shape }> = {
  traveller: { color: '#1f6feb', shape: 'ellipse' },
  subject: { color: '#0f766e', shape: 'hexagon' },
  booking: { color: '#c2570c', shape: 'round-rectangle' },
  flight: { color: '#334155', shape: 'vee' },
  document: { color: '#6b7280', shape: 'barrel' },
  phone: { color: '#15803d', shape: 'diamond' },
  email: { color: '#7c3aed', shape: 'tag' },
  card: { color: '#854d0e', shape: 'rectangle' },
  entity: { color: '#b91c1c', shape: 'star' },
  alert: { color: '#db2777', shape: 'octagon' },
};
const OTHER = { color: '#94a3b8', shape: 'ellipse' as Shape };

export function styleOf(type: string) {
  return TYPE_STYLE[type] ?? OTHER;
}

// Cytoscape's stylesheet: the colour and shape come from each node's data.
export function cyStyle(font: string) {
  return [
    {
      selector: 'node',
      style: {
        'background-color': (n: NodeSingular) => styleOf(n.data('type')).color,
        shape: (n: NodeSingular) => styleOf(n.data('type')).shape,
        label: 'data(text)',
        'font-family': font,
        'font-size': 11,
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 28,
        height: 28,
        'border-width': 1,
        'border-color': '#1d2330',
      },
    },
    { selector: 'node.start', style: { width: 40, height: 40, 'border-width': 3 } },
    {
      selector: 'node.masked',
      style: { 'background-opacity': 0.3, 'border-style': 'dashed', 'border-width': 3 },
    },
    { selector: 'node:selected', style: { 'overlay-color': '#ffb300', 'overlay-opacity': 0.35 } },
    { selector: '.hidden', style: { display: 'none' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#8a94a6',
        'target-arrow-color': '#8a94a6',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(text)',
        'font-family': font,
        'font-size': 9,
        'min-zoomed-font-size': 7,
        color: '#485264',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
  ];
}

const POINTS: Partial<Record<Shape, string>> = {
  hexagon: '4,1 12,1 16,8 12,15 4,15 0,8',
  vee: '0,1 8,6 16,1 8,15',
  diamond: '8,0 16,8 8,16 0,8',
  tag: '0,2 11,2 16,8 11,14 0,14',
  star: '8,0 10,6 16,6 11,10 13,16 8,12 3,16 5,10 0,6 6,6',
  octagon: '5,0 11,0 16,5 16,11 11,16 5,16 0,11 0,5',
};

// The legend's swatch for a type (dashed and pale when masked).
export function Swatch(props: { type: string; masked?: boolean }) {
  const { color, shape } = styleOf(props.type);
  const paint = {
    fill: color,
    'fill-opacity': props.masked ? 0.3 : 1,
    stroke: '#1d2330',
    'stroke-width': props.masked ? 1.5 : 1,
    'stroke-dasharray': props.masked ? '2 1.5' : undefined,
  };
  const points = POINTS[shape];
  return (
    <svg class="swatch" width="16" height="16" viewBox="-1 -1 18 18" aria-hidden="true">
      {points ? (
        <polygon points={points} {...paint} />
      ) : shape === 'ellipse' ? (
        <circle cx="8" cy="8" r="7.5" {...paint} />
      ) : (
        <rect x="0" y="2" width="16" height="12" rx={shape === 'rectangle' ? 0 : 4} {...paint} />
      )}
    </svg>
  );
}
