import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProfileDelta } from '@main/engine';
import { useCall } from '../api/use-call';
import { noChangePhrase } from '../explain/no-change';
import { formatCount, formatTime } from '../format';
import { profileSettings, type EngineSettings } from '../settings';
import { DimName } from '../words/DimName';
import { Status } from './Status';
import { WhatIf } from './WhatIf';

const PAGE = 50;
const SHOWN_CHANGES = 4;

/**
 * Event by event: every dimension the engine moved, from what to what, and why. With
 * `focusIndex` (a signal-log position, as "why this video" links give) it opens on that event's
 * page, marks its row and moves the keyboard focus there.
 */
export function SignalLog({
  datasetId,
  settings,
  focusIndex,
}: {
  datasetId: string;
  settings: EngineSettings;
  focusIndex?: number;
}) {
  const [offset, setOffset] = useState(
    focusIndex === undefined ? 0 : focusIndex - (focusIndex % PAGE),
  );
  // Roving focus: the table is one tab stop (the active row and its buttons); arrows move rows.
  const [active, setActive] = useState(focusIndex === undefined ? 0 : focusIndex % PAGE);
  const pager = useRef<HTMLElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const moveFocus = (e: KeyboardEvent<HTMLTableSectionElement>, count: number) => {
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    const edge = { Home: 0, End: count - 1 }[e.key];
    if (step === undefined && edge === undefined) return;
    if (!(e.target instanceof HTMLTableRowElement)) return;
    e.preventDefault();
    const next = Math.min(count - 1, Math.max(0, edge ?? active + step!));
    setActive(next);
    e.currentTarget.querySelectorAll<HTMLElement>('tr[data-row]')[next]?.focus();
  };
  const deltas = useCall('profile/deltas', {
    datasetId,
    offset,
    limit: PAGE,
    ...profileSettings(settings),
  });
  // Focus the asked-for row once, when its page has arrived.
  const focusPending = useRef(focusIndex !== undefined);
  useEffect(() => {
    if (!focusPending.current || deltas.status !== 'ready') return;
    focusPending.current = false;
    const row = body.current?.querySelector<HTMLElement>(`tr[data-event-index="${focusIndex}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [deltas.status, focusIndex]);
  return (
    <section aria-labelledby="signals-title">
      <h3 id="signals-title">How each signal moved the profile</h3>
      <Status state={deltas}>
        {(page) => (
          <>
            <button
              type="button"
              className="skip-link"
              onClick={() => pager.current?.querySelector<HTMLElement>('button:enabled')?.focus()}
            >
              Skip to the page buttons
            </button>
            <p className="muted visually-hidden" id="signals-keys">
              One row at a time: arrow keys move between rows, Tab reaches the row’s buttons.
            </p>
            <table className="signals" data-testid="signal-log" aria-describedby="signals-keys">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Signal</th>
                  <th scope="col">What changed (before → after)</th>
                </tr>
              </thead>
              <tbody ref={body} onKeyDown={(e) => moveFocus(e, page.deltas.length)}>
                {page.deltas.map((d, i) => (
                  <SignalRow
                    key={d.eventId}
                    delta={d}
                    datasetId={datasetId}
                    settings={settings}
                    active={i === Math.min(active, page.deltas.length - 1)}
                    focused={d.eventIndex === focusIndex}
                    onActive={() => setActive(i)}
                  />
                ))}
              </tbody>
            </table>
            <nav className="pager" aria-label="Signal log pages" ref={pager}>
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => {
                  setOffset(Math.max(0, offset - PAGE));
                  setActive(0);
                }}
              >
                ← Earlier
              </button>
              <span className="muted">
                events {formatCount(page.total === 0 ? 0 : offset + 1)}–
                {formatCount(Math.min(offset + PAGE, page.total))} of {formatCount(page.total)}
              </span>
              <button
                type="button"
                disabled={offset + PAGE >= page.total}
                onClick={() => {
                  setOffset(offset + PAGE);
                  setActive(0);
                }}
              >
                Later →
              </button>
            </nav>
          </>
        )}
      </Status>
    </section>
  );
}

function SignalRow({
  delta,
  datasetId,
  settings,
  active,
  focused,
  onActive,
}: {
  delta: ProfileDelta;
  datasetId: string;
  settings: EngineSettings;
  active: boolean;
  /** The event a "why" link opened. */
  focused: boolean;
  onActive: () => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const [asking, setAsking] = useState(false);
  const changes = [...delta.changes].sort(
    (a, b) =>
      Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || (a.dim < b.dim ? -1 : 1),
  );
  const shown = expanded ? changes : changes.slice(0, SHOWN_CHANGES);
  const tabIndex = active ? 0 : -1;
  return (
    <>
      <tr
        data-row
        data-event-index={delta.eventIndex}
        className={focused ? 'focused' : undefined}
        tabIndex={tabIndex}
        aria-label={`Event ${formatCount(delta.eventIndex + 1)}: ${delta.kind}, ${formatTime(delta.atMs)}`}
        onFocus={onActive}
      >
        <td className="muted">{formatCount(delta.eventIndex + 1)}</td>
        <td>{formatTime(delta.atMs)}</td>
        <td>
          {delta.kind}
          {delta.evidence !== 'observed' && (
            <span
              className="badge"
              title={`Counted ×${delta.factor} because it is ${delta.evidence}`}
            >
              {delta.evidence} ×{delta.factor}
            </span>
          )}
        </td>
        <td>
          {delta.noChange !== null && delta.controls.length === 0 && (
            <span className="muted" data-testid="no-change">
              {noChangePhrase(delta.noChange)}
            </span>
          )}
          <ul className="changes">
            {shown.map((c) => (
              <li key={c.dim} className={c.after >= c.before ? 'up' : 'down'}>
                <DimName dim={c.dim} /> {c.before.toFixed(3)} → {c.after.toFixed(3)}{' '}
                <span className="muted">({c.reason})</span>
              </li>
            ))}
            {delta.controls.map((c) => (
              <li key={`${c.control}:${c.key}`}>
                control {c.control} {c.control === 'suppressed' ? <DimName dim={c.key} /> : c.key}
                {c.note ? <span className="muted"> ({c.note})</span> : null}
              </li>
            ))}
          </ul>
          {changes.length > SHOWN_CHANGES && (
            <button
              type="button"
              className="link"
              tabIndex={tabIndex}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? 'fewer' : `${changes.length - SHOWN_CHANGES} more`}
            </button>
          )}{' '}
          <button
            type="button"
            className="link"
            tabIndex={tabIndex}
            aria-expanded={asking}
            onClick={() => setAsking(!asking)}
          >
            what if…
          </button>
        </td>
      </tr>
      {asking && (
        // Its own full-width row, so the answer does not squeeze the columns of the table.
        <tr className="what-if-row">
          <td colSpan={4}>
            <WhatIf
              datasetId={datasetId}
              eventId={delta.eventId}
              kind={delta.kind}
              settings={settings}
            />
          </td>
        </tr>
      )}
    </>
  );
}
