import { useMemo } from 'react';
import { HEATMAP_MARGIN, heatmapModel, WEEKDAYS } from './heatmap-math';

const WIDTH = 720;

/** Weekday × hour: a square per hour of each weekday, darker where more happened. */
export function Heatmap({
  values,
  label,
  title,
}: {
  /** 7 · 24 values, index weekday · 24 + hour (0 = Monday). */
  values: readonly number[];
  label: string;
  /** A cell's tooltip, e.g. "Mon 22:00–23:00: 4 videos". */
  title: (weekday: string, hour: number, value: number) => string;
}) {
  const model = useMemo(() => heatmapModel(values, WIDTH), [values]);
  return (
    <svg viewBox={`0 0 ${model.width} ${model.height}`} role="img" aria-label={label}>
      <g transform={`translate(${HEATMAP_MARGIN.left},${HEATMAP_MARGIN.top})`}>
        {model.columns.map((c) => (
          <text key={c.label} className="tick" x={c.x} y={-6}>
            {c.label}
          </text>
        ))}
        {model.rows.map((r) => (
          <text key={r.label} className="tick" x={-6} y={r.y} dy="0.32em" textAnchor="end">
            {r.label}
          </text>
        ))}
        {model.cells.map((c) => (
          <rect
            key={`${c.weekday}-${c.hour}`}
            className={c.shade === 0 ? 'heat-cell empty' : 'heat-cell'}
            x={c.x + 1}
            y={c.y + 1}
            width={model.cellSize - 2}
            height={model.cellSize - 2}
            fillOpacity={c.shade === 0 ? undefined : c.shade}
          >
            <title>{title(WEEKDAYS[c.weekday]!, c.hour, c.value)}</title>
          </rect>
        ))}
      </g>
    </svg>
  );
}
