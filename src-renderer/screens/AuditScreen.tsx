import { useState } from 'react';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportPreview,
  type ExportWritten,
} from '@main/contract/export';
import type { CounterfactualDiff } from '@main/contract/replay';
import type { DatasetSummary } from '@main/domain/types';
import { RULES, type RuleName } from '@main/engine/config';
import { call } from '../api/client';
import { AuditCharts } from '../audit/AuditCharts';
import { AuditReport } from '../audit/AuditReport';
import { FidelityPanel } from '../audit/FidelityPanel';
import { SideBySideFeeds } from '../cards/SideBySideFeeds';
import { useCall } from '../api/use-call';
import { ChartTable } from '../charts/ChartTable';
import { countOf, formatCount, formatTime } from '../format';
import type { MetadataFocus } from '../enrich/MetadataScreen';
import type { EngineSettings } from '../settings';
import { Glossary, Term, toGlossary } from '../words/Glossary';
import { Provenance } from '../words/Provenance';
import { MetadataNeeded } from './MetadataNeeded';
import { Loading, Status } from './Status';

/** Replays a dataset session by session: how narrow the feed became, and what each rule did. */
export function AuditScreen({
  dataset,
  settings,
  onMetadata,
}: {
  dataset: DatasetSummary;
  settings: EngineSettings;
  onMetadata: (focus: MetadataFocus) => void;
}) {
  const datasetId = dataset.id;
  const run = useCall('replay/run', {
    datasetId,
    every: 'session',
    includeTraces: false,
    ...settings,
  });
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit: replay session by session</h2>
      <MetadataNeeded dataset={dataset} onMetadata={onMetadata} />
      <Status state={run}>
        {(value) => (
          <>
            {value.metrics.length > 0 && value.metrics.every((m) => m.top3Share === 0) && (
              <p className="notice" role="note" data-testid="audit-flat">
                At no session start does the profile hold any topic, so these measures are zero or
                not defined: the videos watched have no known topics yet.
              </p>
            )}
            <p className="muted">
              A slate at each session start. Lower <Term id="entropy" /> and a higher top-3 share
              mean a narrower profile; calibration <Term id="kl" /> (Steck 2018) measures how far
              the slate’s topic mix is from the profile’s.{' '}
              <button type="button" className="link" onClick={toGlossary}>
                What these terms mean
              </button>
            </p>
            <Provenance preset={value.preset} seed={value.seed} configHash={value.configHash} />
            <AuditCharts run={value} />
            {/* Folded, and built when opened: at a million events it is 2,000 rows. */}
            <ChartTable
              summary={`Every measure at each of the ${countOf(value.metrics.length, 'session start')}, as a table`}
            >
              {() => (
                <table className="metrics" data-testid="audit-metrics">
                  <thead>
                    <tr>
                      <th scope="col">Session start</th>
                      <th scope="col">Profile entropy (bits)</th>
                      <th scope="col">Top-3 share</th>
                      <th scope="col">Slate diversity</th>
                      <th scope="col">Exploration share</th>
                      <th scope="col">Calibration KL</th>
                      <th scope="col">Homogeneity</th>
                    </tr>
                  </thead>
                  <tbody>
                    {value.metrics.map((m) => (
                      <tr key={m.atMs}>
                        <td>{formatTime(m.atMs, 'minute')}</td>
                        <td>{m.profileEntropy.toFixed(2)}</td>
                        <td>{(m.top3Share * 100).toFixed(0)}%</td>
                        <td>{m.intraListDistance.toFixed(2)}</td>
                        <td>{(m.explorationShare * 100).toFixed(0)}%</td>
                        <td>{m.calibrationKL?.toFixed(3) ?? 'not defined'}</td>
                        <td>{m.homogeneity?.toFixed(2) ?? 'not defined'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </ChartTable>
          </>
        )}
      </Status>
      {/* Keyed by the settings: a result computed under other settings is not shown. */}
      <RuleCounterfactual
        key={`rules-${JSON.stringify(settings)}`}
        datasetId={datasetId}
        settings={settings}
      />
      <FidelityPanel
        key={`fidelity-${JSON.stringify(settings)}`}
        datasetId={datasetId}
        settings={settings}
      />
      <AuditExport
        key={`traces-${JSON.stringify(settings)}`}
        datasetId={datasetId}
        settings={settings}
      />
      <AuditReport
        key={`report-${JSON.stringify(settings)}`}
        datasetId={datasetId}
        settings={settings}
      />
      <Glossary />
    </section>
  );
}

function RuleCounterfactual({
  datasetId,
  settings,
}: {
  datasetId: string;
  settings: EngineSettings;
}) {
  const [off, setOff] = useState<Set<RuleName>>(new Set());
  // The result keeps the rules it was computed with: the boxes may be changed after.
  const [result, setResult] = useState<{
    diff: CounterfactualDiff;
    rules: string;
    ask: (slate: number) => Promise<CounterfactualDiff>;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  async function compare() {
    setError(null);
    setComparing(true);
    try {
      const altRules = Object.fromEntries([...off].map((rule) => [rule, false]));
      const ask = (slate?: number) =>
        call('replay/counterfactual', { datasetId, altRules, ...settings, slate });
      setResult({ diff: await ask(), rules: [...off].join(', '), ask });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setComparing(false);
    }
  }
  return (
    <>
      <h3>What if a rule were switched off?</h3>
      <fieldset className="rules">
        <legend className="visually-hidden">Rules to switch off</legend>
        {RULES.map((rule) => (
          <label key={rule}>
            <input
              type="checkbox"
              checked={off.has(rule)}
              onChange={() => {
                const next = new Set(off);
                if (next.has(rule)) next.delete(rule);
                else next.add(rule);
                setOff(next);
              }}
            />{' '}
            {rule}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={off.size === 0 || comparing} onClick={() => void compare()}>
        Replay with {off.size === 0 ? 'no rule' : [...off].join(', ')} off and compare
      </button>
      {comparing && <Loading label="Replaying twice…" />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result && (
        <table className="metrics" data-testid="rule-diff">
          <thead>
            <tr>
              <th scope="col">Session start</th>
              <th scope="col">Videos entering</th>
              <th scope="col">Leaving</th>
              <th scope="col">Moving</th>
            </tr>
          </thead>
          <tbody>
            {result.diff.points.map((p) => (
              <tr key={p.atMs}>
                <td>{formatTime(p.atMs, 'minute')}</td>
                <td>{p.entered}</td>
                <td>{p.left}</td>
                <td>{p.moved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result && (
        <SideBySideFeeds
          key={result.rules}
          diff={result.diff}
          changed={`With ${result.rules} off`}
          ask={result.ask}
        />
      )}
    </>
  );
}

/**
 * The audit export (docs/EXPORTS.md): choose the formats and the redaction, see what would be
 * written (the consent preview), then write the folder on this machine. Exporting is offered only
 * for the options the preview showed.
 */
function AuditExport({ datasetId, settings }: { datasetId: string; settings: EngineSettings }) {
  const [formats, setFormats] = useState<ExportFormat[]>([...EXPORT_FORMATS]);
  const [dropText, setDropText] = useState(false);
  const [pseudonymise, setPseudonymise] = useState(false);
  const [coarsen, setCoarsen] = useState<'hour' | 'day' | null>(null);
  const [out, setOut] = useState('');
  const [preview, setPreview] = useState<{ key: string; value: ExportPreview } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'export' | null>(null);
  const [written, setWritten] = useState<ExportWritten | null>(null);
  const [error, setError] = useState<string | null>(null);
  const args = {
    datasetId,
    ...settings,
    formats,
    dropText,
    pseudonymiseCreators: pseudonymise,
    coarsen,
  };
  const key = JSON.stringify(args);
  const shown = preview?.key === key ? preview.value : null;
  async function run(what: 'preview' | 'export') {
    setError(null);
    setBusy(what);
    try {
      if (what === 'preview') setPreview({ key, value: await call('export/preview', args) });
      else setWritten(await call('export/run', { ...args, out: out.trim() }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }
  const toggle = (f: ExportFormat) =>
    setFormats(
      EXPORT_FORMATS.filter((x) => (x === f ? !formats.includes(f) : formats.includes(x))),
    );
  return (
    <>
      <h3>Export for an audit</h3>
      <fieldset className="rules">
        <legend>Formats</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={formats.includes(f)} onChange={() => toggle(f)} />{' '}
            {FORMAT_LABEL[f]}
          </label>
        ))}
      </fieldset>
      <fieldset className="rules">
        <legend>Redaction</legend>
        <label>
          <input type="checkbox" checked={dropText} onChange={() => setDropText(!dropText)} /> Drop
          what was typed (search terms, filter keywords)
        </label>
        <label>
          <input
            type="checkbox"
            checked={pseudonymise}
            onChange={() => setPseudonymise(!pseudonymise)}
          />{' '}
          Replace creator handles with keyed hashes (a random key, forgotten after the export)
        </label>
        <label>
          Times in the export{' '}
          <select
            value={coarsen ?? 'exact'}
            onChange={(e) =>
              setCoarsen(e.target.value === 'exact' ? null : (e.target.value as 'hour' | 'day'))
            }
          >
            <option value="exact">exact</option>
            <option value="hour">to the hour</option>
            <option value="day">to the day</option>
          </select>
        </label>
      </fieldset>
      <button
        type="button"
        disabled={formats.length === 0 || busy !== null}
        onClick={() => void run('preview')}
      >
        Preview what would be written
      </button>
      {busy === 'preview' && <progress aria-label="Preparing the preview" />}
      {shown && <ExportPreviewView preview={shown} />}
      {shown && (
        <p>
          <label>
            Folder to create (a full path on this computer){' '}
            <input
              type="text"
              value={out}
              placeholder="/home/you/feedlens-audit"
              onChange={(e) => setOut(e.target.value)}
            />
          </label>{' '}
          <button
            type="button"
            disabled={out.trim() === '' || busy !== null}
            onClick={() => void run('export')}
          >
            Export
          </button>
        </p>
      )}
      {busy === 'export' && <progress aria-label="Exporting" />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {written && (
        <p data-testid="export-written">
          Wrote {countOf(written.files.length + 1, 'file')} (
          {(sumBytes(written.files) / 1e6).toFixed(1)} MB, {countOf(written.slates, 'slate')}) to{' '}
          <span data-verbatim>{written.out}</span>. Its manifest lists every file’s SHA-256, so
          anyone can check that nothing in the folder changed; the manifest’s own is{' '}
          <code data-verbatim>{written.manifestSha256}</code>.
        </p>
      )}
    </>
  );
}

const FORMAT_LABEL: Record<ExportFormat, string> = {
  jsonl: 'decision traces (JSONL, hash-chained)',
  csv: 'tables as CSV',
  sqlite: 'tables as one SQLite file',
  parquet: 'tables as Parquet',
};

const sumBytes = (files: { bytes: number }[]) => files.reduce((n, f) => n + f.bytes, 0);

/** The consent preview: counts, fields and one example record, nothing written yet. */
function ExportPreviewView({ preview }: { preview: ExportPreview }) {
  return (
    <div data-testid="export-preview">
      <p>
        Nothing is written yet. The export would hold {countOf(preview.slates, 'slate')} (one
        decision trace each) from {countOf(preview.events, 'event')}:
      </p>
      <table className="metrics">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Rows</th>
            <th scope="col">Fields</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(preview.rows).map(([table, rows]) => (
            <tr key={table}>
              <td>{table}</td>
              <td>{formatCount(rows)}</td>
              <td>{preview.fields[table as keyof ExportPreview['rows']].join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>One example record (the first trace, its first item only)</summary>
        <pre data-testid="export-example" data-verbatim>
          {JSON.stringify(preview.example.trace, null, 2)}
        </pre>
      </details>
    </div>
  );
}
