import { dimName } from '../explain/dim-name';

/** A dimension in plain words, its stored key on hover (and to screen readers, via the title). */
export function DimName({ dim }: { dim: string }) {
  return (
    <span className="dim-name" title={dim}>
      {dimName(dim)}
    </span>
  );
}
