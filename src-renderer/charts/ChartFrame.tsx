import { useRef, useState, type ReactNode } from 'react';
import { chartPng, saveFile, standaloneSvg } from './save-image';
import './chart-frame.css';

/** Every saved or shown chart says whose model it is. */
export const MODEL_MARK = 'Feedlens model, not TikTok’s';

/** The mark, alone, for a chart drawn without an SVG (the Feed Lab's bars). */
export function ModelMark() {
  return <span className="badge model-mark">{MODEL_MARK}</span>;
}

/**
 * A chart with what a reader needs around it: a title, one sentence on what it shows, its sample
 * size, "About this chart", "Save as image" (SVG or PNG) and the mark that this is our model.
 * The chart itself (one <svg>, optionally over a <canvas> of the same box) is among the children.
 */
export function ChartFrame({
  id,
  title,
  sentence,
  n,
  about,
  className,
  attributes,
  children,
}: {
  /** File name stem for saved images, e.g. `audit-entropy`. */
  id: string;
  title: string;
  sentence: string;
  /** "n = 12 slates" */
  n: string;
  about: ReactNode;
  /** More classes for the figure, for the chart's own CSS. */
  className?: string;
  /** data-* attributes for the figure, e.g. the profile chart's `data-view`. */
  attributes?: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  const figure = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'svg' | 'png') => {
    setError(null);
    const svg = figure.current?.querySelector('svg');
    if (!svg) return;
    const image = {
      svg,
      caption: `${title} · ${n} · ${MODEL_MARK}`,
      underlay: figure.current?.querySelector('canvas') ?? undefined,
    };
    try {
      const blob =
        kind === 'svg'
          ? new Blob([standaloneSvg(image)], { type: 'image/svg+xml' })
          : await chartPng(image);
      saveFile(blob, `${id}.${kind}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <figure
      className={`chart chart-frame ${className ?? ''}`.trim()}
      ref={figure}
      data-chart={id}
      {...attributes}
    >
      <div className="chart-head">
        <h4>{title}</h4>
        <ModelMark />
      </div>
      <p className="chart-sentence">
        {sentence} <span className="muted">({n})</span>
      </p>
      {children}
      <div className="chart-tools">
        <details className="chart-about">
          <summary>About this chart</summary>
          <div>{about}</div>
        </details>
        <span className="chart-save" role="group" aria-label={`Save “${title}” as image`}>
          Save as image:{' '}
          <button type="button" className="link" onClick={() => void save('svg')}>
            SVG
          </button>{' '}
          <button type="button" className="link" onClick={() => void save('png')}>
            PNG
          </button>
        </span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </figure>
  );
}
