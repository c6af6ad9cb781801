// The Feed's videos known by id alone, as one group explained once (explain/feed-state.ts's
// sentence) instead of a grey card each; a disclosure lists them, each with its "Why?".
import { useId, useState, type ReactNode } from 'react';
import type { IdOnlyGroup as Group } from '../explain/feed-state';
import { formatCount } from '../format';

export function IdOnlyGroup({
  group,
  onMetadata,
  children,
}: {
  group: Group;
  onMetadata: () => void;
  /** The group's rows, shown when opened. */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = group.entries.length;
  const which = count === 1 ? 'this video' : `these ${formatCount(count)} videos`;
  return (
    <section className="notice id-only-group" data-testid="id-only-group">
      <p data-testid="id-only-sentence">{group.sentence}</p>
      <button type="button" onClick={onMetadata}>
        Open the Metadata screen
      </button>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {open ? `Hide ${which}` : `Show ${which}`}
      </button>
      {open && (
        <ol id={listId} className="feed">
          {children}
        </ol>
      )}
    </section>
  );
}
