// The engine's public surface: pure, deterministic, no I/O. Shells and handlers import from here.
export { ENGINE_VERSION, TRACE_VERSION } from './version';
export * from './config';
export * from './presets';
export { prepareCatalogue, type PreparedCatalogue, type PrepareOptions } from './catalogue';
export {
  applySignal,
  emptyState,
  valueAt,
  type DeltaChange,
  type DimValue,
  type ProfileDelta,
  type UserState,
} from './profile';
export { applyControls, emptyControls, type ControlChange, type Controls } from './controls';
export type { RuleCause, RuleEffect, Removal } from './rules';
export {
  signalPlan,
  watchAmount,
  noChangeReason,
  NO_CHANGE,
  REASONS,
  type NoChange,
  type Reason,
} from './signals';
export { FEATURES, type Feature } from './features';
export { attribute, type Attribution } from './attribution';
export { SOURCES, type Source } from './candidates';
export { buildSlate, type Slate, type RawSlate } from './slate';
export {
  type SlateTrace,
  type RuleSummary,
  type TraceItem,
  type TraceRemoval,
  type TraceBecause,
  type TraceEvent,
  type Contribution,
  compareContributions,
  traceLine,
} from './trace';
export {
  replay,
  replayProfile,
  foldSignals,
  orderEvents,
  slateAt,
  snapshot,
  type ReplayInput,
  type ReplayResult,
  type SlatePoints,
} from './replay';
export { deltaAt, storeToState, type DeltaLog } from './store';
export { pointDiff, whatIf, whatIfFacts, type WhatIfFacts, type WhatIfReplay } from './what-if';
export {
  replayCheckpointed,
  stateHash,
  viewerAt,
  type Checkpoint,
  type Checkpointed,
} from './checkpoint';
export {
  counterfactual,
  applyEdits,
  diffSlates,
  profileDiff,
  type Edit,
  type CounterfactualResult,
  type PointDiff,
} from './counterfactual';
export {
  AMPLIFICATION_THRESHOLD,
  replayMetrics,
  slateMetrics,
  timeToAmplification,
  type SlateMetrics,
} from './metrics';
export {
  evaluate,
  splitInteractions,
  recallNdcg,
  type Interaction,
  type EvaluateReport,
  type Split,
} from './evaluate';
export { createRng, deriveSeed, drawWithoutReplacement, type Rng } from './random';
export {
  FIDELITY_DEPTH,
  baselineScore,
  explainingEvents,
  standingAt,
  withoutAndOnly,
  type Standing,
} from './fidelity';
export {
  fidelityOfSample,
  type FidelityResult,
  type FidelityRow,
  type FidelitySample,
} from './fidelity-report';
export { stableHash, canonicalJson } from './hash';
export { isoUtc, round, compareIds } from './format';
export {
  POOL_SOURCES,
  mergePool,
  hasMetadata,
  seenBefore,
  summarisePool,
  type Pool,
  type PoolSource,
  type PoolSummary,
} from './pool';
export {
  agreement,
  replayAgreement,
  type AgreementInput,
  type AgreementSession,
  type AgreementSummary,
} from './agreement';
export { wilsonInterval, Z_95, type Interval } from './wilson';
