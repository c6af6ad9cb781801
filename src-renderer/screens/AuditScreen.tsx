import { useState } from 'react';
import type { CounterfactualDiff } from '@main/api/contract/replay';
import type { DatasetSummary } from '@main/domain/types';
import { RULES, type RuleName } from '@main/engine/config';
import { call } from '../api/client';
import { AuditCharts } from '../audit/AuditCharts';
import { useCall } from '../api/use-call';
import { formatTime } from '../format';
import type { MetadataFocus } from '../enrich/MetadataScreen';
import type { EngineSettings } from '../settings';
import { MetadataNeeded } from './MetadataNeeded';
import { Status } from './Status';

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
                At no session start does the profile hold any topic, so these measures are all zero:
                the videos watched have no known topics yet.
              </p>
            )}
            <p className="muted">
              A slate at each session start; seed {value.seed}, preset {value.preset}, config{' '}
              {value.configHash}. Lower entropy and a higher top-3 share mean a narrower profile;
              calibration KL (Steck 2018) measures how far the slate’s topic mix is from the
              profile’s.
            </p>
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
                    <td>{m.calibrationKL.toFixed(3)}</td>
                    <td>{m.homogeneity.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <AuditCharts run={value} />
          </>
        )}
      </Status>
      {/* Keyed by the settings: a result computed under other settings is not shown. */}
      <RuleCounterfactual
        key={`rules-${JSON.stringify(settings)}`}
        datasetId={datasetId}
        settings={settings}
      />
      <TraceExport
        key={`traces-${JSON.stringify(settings)}`}
        datasetId={datasetId}
        settings={settings}
      />
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
  const [diff, setDiff] = useState<CounterfactualDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function compare() {
    setError(null);
    try {
      const altRules = Object.fromEntries([...off].map((rule) => [rule, false]));
      setDiff(await call('replay/counterfactual', { datasetId, altRules, ...settings }));
    } catch (e) {
      setError((e as Error).message);
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
      <button type="button" disabled={off.size === 0} onClick={() => void compare()}>
        Replay with {off.size === 0 ? 'no rule' : [...off].join(', ')} off and compare
      </button>
      {error && <p className="error">{error}</p>}
      {diff && (
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
            {diff.points.map((p) => (
              <tr key={p.atMs}>
                <td>{formatTime(p.atMs, 'minute')}</td>
                <td>{p.entered.length}</td>
                <td>{p.left.length}</td>
                <td>{p.moved.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Decision traces as JSONL, one slate per line, the same bytes as `feedlens replay`. */
function TraceExport({ datasetId, settings }: { datasetId: string; settings: EngineSettings }) {
  const [file, setFile] = useState<{ url: string; slates: number; bytes: number } | null>(null);
  async function prepare() {
    const run = await call('replay/run', { datasetId, every: 'session', ...settings });
    const text = run.traces.map((t) => `${JSON.stringify(t)}\n`).join('');
    const blob = new Blob([text], { type: 'application/jsonl' });
    setFile({ url: URL.createObjectURL(blob), slates: run.traces.length, bytes: blob.size });
  }
  return (
    <>
      <h3>Decision traces</h3>
      {file === null ? (
        <button type="button" onClick={() => void prepare()}>
          Prepare the traces of every session start…
        </button>
      ) : (
        <p>
          {file.slates} slates, {(file.bytes / 1e6).toFixed(1)} MB of JSON lines
          (docs/trace.schema.json): every candidate’s score, contributions, sources and rules, and
          every removal.{' '}
          <a href={file.url} download={`${datasetId}-traces.jsonl`}>
            Save
          </a>
        </p>
      )}
    </>
  );
}
