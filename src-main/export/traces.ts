// Decision traces streamed out one JSONL line per slate as the engine builds them, so an export
// of any number of slates holds one slate in memory at a time (docs/RELIABILITY.md, "Streaming").
// The CLI (`feedlens replay --out`) and the browser shell (`POST /api/export/traces`) both write
// through here, into a file made atomically. Each line carries the SHA-256 of the line before
// it (chain.ts).
import { agreement, applyEdits, replay, traceLine, type AgreementSummary } from '../engine';
import type { ParsedArgs } from '../contract';
import type { Context } from '../operations/context';
import { catalogueOf, engineConfig } from '../operations/engine-options';
import { cachedDataset } from '../operations/loaded';
import { writeAtomically, type Sink } from './atomic';
import { createChain } from './chain';

export type TraceArgs = ParsedArgs<'replay/run'>;

export type TraceExport = {
  datasetId: string;
  traces: number;
  events: number;
  missing: string[];
  seed: number;
  preset: string;
  configHash: string;
  engineVersion: string;
  agreement: AgreementSummary | null;
  /** SHA-256 of the last line (the genesis value when there is none). */
  chainHead: string;
};

/** Replays and writes each slate's trace to `sink` as soon as it is built; nothing is kept. */
export function streamTraces(ctx: Context, args: TraceArgs, sink: Sink): TraceExport {
  const { pool, events } = cachedDataset(ctx, args.datasetId, { withDemo: args.withDemo });
  const config = engineConfig(args);
  const catalogue = catalogueOf(pool);
  const edited = applyEdits(
    events,
    args.without.map((eventId) => ({ op: 'remove' as const, eventId })),
  );
  // Agreement needs each session start's ranked ids (20 per slate), not the traces.
  const atSessions = args.every === 'session' && args.times === undefined;
  const ranked = new Map<number, readonly string[]>();
  let traces = 0;
  let engineVersion = '';
  const chain = createChain();
  const result = replay({
    events: edited.events,
    catalogue,
    config,
    seed: args.seed,
    points: args.times
      ? { kind: 'times', atMs: args.times }
      : args.every === 'session'
        ? { kind: 'session' }
        : { kind: 'every', n: args.every },
    keepSlates: false,
    onSlate: (slate) => {
      sink(`${chain.next(traceLine(slate.trace))}\n`);
      if (atSessions) ranked.set(slate.trace.atMs, slate.raw.itemIds);
      engineVersion ||= slate.trace.engineVersion;
      traces++;
    },
  });
  return {
    datasetId: args.datasetId,
    traces,
    events: edited.events.length,
    missing: edited.missing,
    seed: args.seed,
    preset: config.preset,
    configHash: result.configHash,
    engineVersion,
    chainHead: chain.head(),
    agreement: atSessions
      ? agreement({
          events: result.viewer.events,
          catalogue,
          slates: ranked,
          k: config.slateSize,
          rules: config.rules,
        })
      : null,
  };
}

/** The traces written to `file` whole or not at all (a failure leaves any previous file as it was). */
export function exportTraces(ctx: Context, args: TraceArgs, file: string): Promise<TraceExport> {
  return writeAtomically(file, (sink) => streamTraces(ctx, args, sink));
}
