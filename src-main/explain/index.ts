// The explanation of a decision, built once from the engine's trace and printed by every surface.
export {
  explainEntry,
  itemNames,
  waterfallSteps,
  MIN_REASON,
  NAMED_STEPS,
  signed,
  type EntryInput,
  type Explanation,
  type ItemNames,
  type WhyClause,
  type WhyEvent,
  type WhyReason,
  type WhyRule,
  type WhyStep,
} from './entry';
export {
  explainRemovals,
  explainSlateItem,
  removedByRule,
  type RemovalWords,
  type RemovedByRule,
} from './slate';
export { causeWords, minuteUtc, removedPhrase } from './words';
export { fidelityVerdict, onlySentence, withoutSentence } from './fidelity';
