// Reads a dataset from the store and computes its report (report-data.ts), with the provenance a
// reader needs to reproduce it. The one impure step of the report: loading and hashing.
import { createHash } from 'node:crypto';
import type { Context } from '../operations/context';
import { catalogueOf, engineConfig } from '../operations/engine-options';
import { cachedDataset } from '../operations/loaded';
import { canonicalJson, type PresetName } from '../engine';
import type { EngineOverrides } from '../export/run';
import { APP_VERSION } from '../version';
import { buildReportData, type ReportData } from './report-data';

export type ReportOptions = {
  datasetId: string;
  preset: PresetName;
  seed: number;
  /** The screen's settings beyond the preset; omitted: the preset as published. */
  engine?: EngineOverrides;
  /** Add the demo catalogue to the candidate pool, as the screens can. */
  withDemo?: boolean;
  /** SHA-256 of the file the dataset was imported from, when the caller has it (batch audits). */
  sourceSha256?: string;
};

export function collectReport(ctx: Context, options: ReportOptions): ReportData {
  const { summary, pool, events } = cachedDataset(ctx, options.datasetId, {
    withDemo: options.withDemo === true,
  });
  const config = engineConfig({ ...(options.engine ?? {}), preset: options.preset });
  return buildReportData({
    provenance: {
      appVersion: APP_VERSION,
      seed: options.seed,
      datasetId: summary.id,
      datasetName: summary.name,
      datasetKind: summary.kind,
      // Canonical JSON, so the hash names the replayed content, not how the store laid it out.
      inputSha256: createHash('sha256')
        .update(canonicalJson({ events, items: pool.items }))
        .digest('hex'),
      sourceSha256: options.sourceSha256 ?? null,
    },
    events,
    catalogue: catalogueOf(pool),
    config,
  });
}
