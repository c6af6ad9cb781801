import { useState } from 'react';
import type { ProfileDelta } from '@main/engine';
import { useCall } from '../api/use-call';
import { noChangePhrase } from '../explain/no-change';
import { formatCount, formatUtc } from '../format';
import { profileSettings, type EngineSettings } from '../settings';
import { Status } from './Status';
import { WhatIf } from './WhatIf';

const PAGE = 50;
const SHOWN_CHANGES = 4;

/** Event by event: every dimension the engine moved, from what to what, and why. */
export function SignalLog({
  datasetId,
  settings,
}: {
  datasetId: string;
  settings: EngineSettings;
}) {
  const [offset, setOffset] = useState(0);
  const deltas = useCall('profile/deltas', {
    datasetId,
    offset,
    limit: PAGE,
    ...profileSettings(settings),
  });
  return (
    <section aria-labelledby="signals-title">
      <h3 id="signals-title">How each signal moved the profile</h3>
      <Status state={deltas}>
        {(page) => (
          <>
            <table className="signals" data-testid="signal-log">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Signal</th>
                  <th scope="col">What changed (before → after)</th>
                </tr>
              </thead>
              <tbody>
                {page.deltas.map((d) => (
                  <SignalRow key={d.eventId} delta={d} datasetId={datasetId} settings={settings} />
                ))}
              </tbody>
            </table>
            <nav className="pager" aria-label="Signal log pages">
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
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
                onClick={() => setOffset(offset + PAGE)}
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
}: {
  delta: ProfileDelta;
  datasetId: string;
  settings: EngineSettings;
}) {
  const [expanded, setExpanded] = useState(false);
  const [asking, setAsking] = useState(false);
  const changes = [...delta.changes].sort(
    (a, b) =>
      Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || (a.dim < b.dim ? -1 : 1),
  );
  const shown = expanded ? changes : changes.slice(0, SHOWN_CHANGES);
  return (
    <tr>
      <td className="muted">{delta.eventIndex + 1}</td>
      <td>{formatUtc(delta.atMs)}</td>
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
              <code>{c.dim}</code> {c.before.toFixed(3)} → {c.after.toFixed(3)}{' '}
              <span className="muted">({c.reason})</span>
            </li>
          ))}
          {delta.controls.map((c) => (
            <li key={`${c.control}:${c.key}`}>
              control <code>{c.control}</code> {c.key}
              {c.note ? <span className="muted"> ({c.note})</span> : null}
            </li>
          ))}
        </ul>
        {changes.length > SHOWN_CHANGES && (
          <button type="button" className="link" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'fewer' : `${changes.length - SHOWN_CHANGES} more`}
          </button>
        )}{' '}
        <button
          type="button"
          className="link"
          aria-expanded={asking}
          onClick={() => setAsking(!asking)}
        >
          what if…
        </button>
        {asking && (
          <WhatIf
            datasetId={datasetId}
            eventId={delta.eventId}
            kind={delta.kind}
            settings={settings}
          />
        )}
      </td>
    </tr>
  );
}
