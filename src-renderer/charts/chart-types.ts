// The shapes every chart's pure math shares.
export type ChartSize = { width: number; height: number };
export type Tick = { position: number; label: string };
