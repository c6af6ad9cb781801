import { useRef, useState, type ReactNode } from 'react';
import { pngOf, saveFile, standaloneSvg } from './save-image';
import './chart-frame.css';

/** Every saved or shown chart says whose model it is. */
export const MODEL_MARK = 'Feedlens model, not TikTok’s';

/**
 * A chart with what a reader needs around it: a title, one sentence on what it shows, its sample
 * size, "About this chart", "Save as image" (SVG or PNG) and the mark that this is our model.
 * The chart itself (one <svg>) is the child.
 */
export function ChartFrame({
  id,
  title,
  sentence,
  n,
  about,
  children,
}: {
  /** File name stem for saved images, e.g. `audit-entropy`. */
  id: string;
  title: string;
  sentence: string;
  /** "n = 12 slates" */
  n: string;
  about: ReactNode;
  children: ReactNode;
}) {
  const figure = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'svg' | 'png') => {
    setError(null);
    const svg = figure.current?.querySelector('svg');
    if (!svg) return;
    try {
      const text = standaloneSvg(svg, `${title} · ${n} · ${MODEL_MARK}`);
      const blob = kind === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await pngOf(text);
      saveFile(blob, `${id}.${kind}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <figure className="chart chart-frame" ref={figure} data-chart={id}>
      <div className="chart-head">
        <h4>{title}</h4>
        <span className="badge model-mark">{MODEL_MARK}</span>
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
