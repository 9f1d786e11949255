// A time chart drawn by uPlot. Time runs left to right in every language
// (dir="ltr" on the chart; the page around it mirrors), dates are the
// reader's, and the chart narrows to the paper before printing.
import 'uplot/dist/uPlot.min.css';
import type uPlot from 'uplot';
import { useEffect, useRef } from 'preact/hooks';
import { formatDate, formatNumber, useLocale } from '../../i18n';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

const HEIGHT = 240;
const BIDI_MARKS = /[\u061c\u200e\u200f]/g;
const PRINT_WIDTH = 680;

export function Chart(props: {
  id: string;
  title: string;
  periodLabel: string;
  periods: string[];
  series: ChartSeries[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const locale = useLocale();

  useEffect(() => {
    let plot: uPlot | null = null;
    let live = true;
    const el = box.current!;
    const width = () => Math.max(280, el.clientWidth);
    const observer = new ResizeObserver(() => afterPrint());
    const resize = (w: number) => plot?.setSize({ width: w, height: HEIGHT });
    const beforePrint = () => resize(Math.min(width(), PRINT_WIDTH));
    const afterPrint = () => resize(width());
    import('uplot').then(({ default: UPlot }) => {
      if (!live) return;
      const xs = props.periods.map((p) => Date.parse(p + 'T00:00:00Z') / 1000);
      // The canvas is left to right: the Arabic date's direction marks would scramble it.
      const day = (s: number) =>
        formatDate(locale, new Date(s * 1000).toISOString().slice(0, 10)).replace(BIDI_MARKS, '');
      plot = new UPlot(
        {
          width: width(),
          height: HEIGHT,
          tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
          scales: { x: { time: true }, y: { range: (_u, min, max) => [0, Math.max(1, max, min)] } },
          series: [
            { label: props.periodLabel, value: (_u, v) => (v === null ? '—' : day(v)) },
            ...props.series.map((s) => ({
              label: s.label,
              stroke: s.color,
              width: 2,
              points: { show: true, size: 5 },
              spanGaps: false,
              value: (_u: uPlot, v: number | null) => formatNumber(locale, v, 1),
            })),
          ],
          axes: [
            { space: 90, values: (_u, splits) => splits.map(day) },
            { values: (_u, splits) => splits.map((v) => formatNumber(locale, v, 1)) },
          ],
        },
        [xs, ...props.series.map((s) => s.values)] as uPlot.AlignedData,
        el,
      );
      observer.observe(el);
      addEventListener('beforeprint', beforePrint);
      addEventListener('afterprint', afterPrint);
    });
    return () => {
      live = false;
      observer.disconnect();
      removeEventListener('beforeprint', beforePrint);
      removeEventListener('afterprint', afterPrint);
      plot?.destroy();
    };
  }, [props.periods, props.series, locale]);

  return (
    <figure class="card chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>
        <h3>{props.title}</h3>
      </figcaption>
      <div ref={box} dir="ltr" class="chart-box" />
    </figure>
  );
}
