import { useState, type ReactNode } from 'react';

/**
 * A chart's data as a table, folded under its chart. The rows are built only once it is opened:
 * the Audit screen draws six charts over up to thousands of slates, and tables nobody opened
 * would cost more to render than the charts themselves.
 */
export function ChartTable({
  summary = 'The chart’s data as a table',
  children,
}: {
  summary?: string;
  /** The <table>, called on first opening. */
  children: () => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="chart-data"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{summary}</summary>
      {opened && (
        // Focusable, so the rows past its height can be scrolled from the keyboard.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={summary}>
          {children()}
        </div>
      )}
    </details>
  );
}
