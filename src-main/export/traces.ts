// Decision traces streamed out one JSONL line per slate as the engine builds them, so an export
// of any number of slates holds one slate in memory at a time (docs/RELIABILITY.md, "Streaming").
// The CLI (`feedlens replay --out`) and the browser shell (`POST /api/export/traces`) both write
// through here, into a file made atomically. Each line carries the SHA-256 of the line before
// it (chain.ts).
import { traceLine, type AgreementSummary } from '../engine';
import type { Context } from '../operations/context';
import { replayDataset, type ReplayArgs } from '../operations/replay';
import { writeAtomically, type Sink } from './atomic';
import { createChain } from './chain';

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

/** Replays (replay/run's replay) and writes each slate's trace to `sink` as soon as it is built. */
export function streamTraces(ctx: Context, args: ReplayArgs, sink: Sink): TraceExport {
  const chain = createChain();
  const run = replayDataset(ctx, args, {
    keep: false,
    onSlate: (slate) => sink(`${chain.next(traceLine(slate.trace))}\n`),
  });
  return {
    datasetId: args.datasetId,
    traces: run.slates,
    events: run.edited.events.length,
    missing: run.edited.missing,
    seed: args.seed,
    preset: run.config.preset,
    configHash: run.result.configHash,
    engineVersion: run.engineVersion,
    chainHead: chain.head(),
    agreement: run.agreement,
  };
}

/** The traces written to `file` whole or not at all (a failure leaves any previous file as it was). */
export function exportTraces(ctx: Context, args: ReplayArgs, file: string): Promise<TraceExport> {
  return writeAtomically(file, (sink) => streamTraces(ctx, args, sink));
}
