import { useState } from 'react';
import type { ReportWritten } from '@main/contract/report';
import { call } from '../api/client';
import { countOf } from '../format';
import type { EngineSettings } from '../settings';

/**
 * The audit report (docs/EXPORTS.md, "The report"): one self-contained HTML file on this machine,
 * and, if asked, a PDF of it beside it. The same call as `feedlens report`, under the screen's
 * engine settings.
 */
export function AuditReport({
  datasetId,
  settings,
}: {
  datasetId: string;
  settings: EngineSettings;
}) {
  const [out, setOut] = useState('');
  const [pdf, setPdf] = useState(false);
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<ReportWritten | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function write() {
    setError(null);
    setWritten(null);
    setBusy(true);
    try {
      setWritten(await call('report/write', { datasetId, ...settings, out: out.trim(), pdf }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h3>Report</h3>
      <p className="muted">
        One HTML file that sums up this replay (the profile’s evolution, the signal mix, the top
        drivers, each rule’s effect, counterfactuals, metrics and provenance) and loads nothing from
        anywhere.
      </p>
      <p>
        <label>
          File to write (a full path on this computer, ending in .html){' '}
          <input
            type="text"
            value={out}
            placeholder="/home/you/feedlens-report.html"
            onChange={(e) => setOut(e.target.value)}
          />
        </label>
      </p>
      <p>
        <label>
          <input type="checkbox" checked={pdf} onChange={() => setPdf(!pdf)} /> Also as PDF (beside
          it, the same name ending in .pdf)
        </label>
      </p>
      <button type="button" disabled={out.trim() === '' || busy} onClick={() => void write()}>
        Write the report
      </button>
      {busy && <progress aria-label="Writing the report" />}
      {error && (
        <p className="error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}
      {written && (
        <p data-testid="report-written">
          Wrote the report on {countOf(written.slates, 'slate')} ({countOf(written.events, 'event')}
          ) to <code>{written.html}</code>
          {written.pdf && (
            <>
              {' '}
              and its PDF to <code>{written.pdf}</code>
            </>
          )}
          .
        </p>
      )}
    </>
  );
}
