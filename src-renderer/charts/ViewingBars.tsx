import { useMemo } from 'react';
import type { ChartSize } from './chart-types';
import { XTicks, YTicks } from './Ticks';
import { BARS_MARGIN, barsModel, type BarDatum } from './viewing-bars-math';

const SIZE: ChartSize = { width: 720, height: 190 };

/** Bars over days, months or bins; stacked when a bar has several series; a dashed reference line. */
export function ViewingBars({
  data,
  label,
  title,
  tick,
  series,
  reference,
}: {
  data: readonly BarDatum[];
  /** The accessible name: what the bars show. */
  label: string;
  /** A bar's tooltip. */
  title: (bar: BarDatum) => string;
  /** The y axis labels. */
  tick: (value: number) => string;
  /** A CSS class per series (stacking order). */
  series: readonly string[];
  reference?: { value: number; label: string };
}) {
  const model = useMemo(
    () =>
      barsModel(data, SIZE, tick, reference === undefined ? {} : { reference: reference.value }),
    [data, tick, reference],
  );
  const innerWidth = SIZE.width - BARS_MARGIN.left - BARS_MARGIN.right;
  const innerHeight = SIZE.height - BARS_MARGIN.top - BARS_MARGIN.bottom;
  return (
    <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={label}>
      <g transform={`translate(${BARS_MARGIN.left},${BARS_MARGIN.top})`}>
        <YTicks ticks={model.yTicks} width={innerWidth} />
        <XTicks ticks={model.xTicks} height={innerHeight} />
        {model.bars.map((bar, i) => (
          <g key={bar.key}>
            <title>{title(data[i]!)}</title>
            {bar.segments.map((s) => (
              <rect
                key={s.series}
                className={`bar ${series[s.series] ?? ''}`}
                x={bar.x}
                y={s.y}
                width={Math.max(bar.width, 0.5)}
                height={s.height}
              />
            ))}
          </g>
        ))}
        {reference && model.referenceY !== null && (
          <g className="reference" transform={`translate(0,${model.referenceY})`}>
            <line x2={innerWidth} />
            <text x={innerWidth} dy="-0.4em" textAnchor="end">
              {reference.label}
            </text>
          </g>
        )}
      </g>
    </svg>
  );
}
