// Pure chart math for the weekday × hour heatmap: a cell per hour of each weekday, its shade in
// proportion to the busiest cell's value. Tested in test/renderer/viewing-charts.test.ts.

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const HEATMAP_MARGIN = { top: 18, left: 40, right: 6, bottom: 4 };

export type HeatCell = {
  weekday: number;
  hour: number;
  x: number;
  y: number;
  value: number;
  /** 0 for an empty cell; else from 0.12 (a single video) to 1 (the busiest cell). */
  shade: number;
};

export type HeatmapModel = {
  cells: HeatCell[];
  cellSize: number;
  rows: { label: string; y: number }[];
  columns: { label: string; x: number }[];
  width: number;
  height: number;
  max: number;
};

/** `values` has 7 · 24 entries, index weekday · 24 + hour (weekday 0 = Monday). */
export function heatmapModel(values: readonly number[], width: number): HeatmapModel {
  if (values.length !== 7 * 24)
    throw new Error(`A heatmap needs 168 values, not ${values.length}.`);
  const cellSize = Math.floor((width - HEATMAP_MARGIN.left - HEATMAP_MARGIN.right) / 24);
  const max = Math.max(0, ...values);
  const cells = values.map((value, i) => {
    const weekday = Math.floor(i / 24);
    const hour = i % 24;
    return {
      weekday,
      hour,
      x: hour * cellSize,
      y: weekday * cellSize,
      value,
      shade: value === 0 || max === 0 ? 0 : round(0.12 + (0.88 * value) / max),
    };
  });
  return {
    cells,
    cellSize,
    rows: WEEKDAYS.map((label, i) => ({ label, y: i * cellSize + cellSize / 2 })),
    columns: [0, 3, 6, 9, 12, 15, 18, 21].map((hour) => ({
      label: String(hour).padStart(2, '0'),
      x: hour * cellSize,
    })),
    width,
    height: HEATMAP_MARGIN.top + 7 * cellSize + HEATMAP_MARGIN.bottom,
    max,
  };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
