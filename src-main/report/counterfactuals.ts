// The report's counterfactuals: the same events replayed with one change each (a rule that moved
// videos switched off, or the strongest single past event removed) at the original slate times,
// summed up as how much of the feed changed. Pure, like the engine's counterfactual it calls.
import { counterfactual, round, type ReplayResult } from '../engine';
import { compareStrings } from '../engine/format';
import type { RuleName } from '../engine/config';

/** What one rule did over every slate of the replay (the report's rules table). */
export type RuleEffectTotal = {
  rule: RuleName;
  on: boolean;
  removed: number;
  demoted: number;
  promoted: number;
};

/** The run every counterfactual changes one thing of. */
type CounterfactualRun = Pick<
  Parameters<typeof counterfactual>[0],
  'events' | 'catalogue' | 'config' | 'seed'
>;

export type CounterfactualSummary = {
  /** What was changed, in words ("adjacency off", "without e000042 (like)"). */
  change: string;
  /** Slates whose served list differs from the original's. */
  slatesChanged: number;
  /** Mean share of each slate's videos that were not in the original slate. */
  replacedShare: number;
  /** Mean number of videos per slate that stayed in it but at another rank. */
  movedPerSlate: number;
  /** Most profile dimensions that differ at any slate time. */
  profileDimsChanged: number;
};

/** Rule counterfactuals cost two replays each: only the rules that moved the most videos. */
const RULE_COUNTERFACTUALS = 4;

export function reportCounterfactuals(
  run: CounterfactualRun,
  base: ReplayResult,
  rules: readonly RuleEffectTotal[],
): CounterfactualSummary[] {
  return plan(rules, strongestEvent(base)).map((p) =>
    summarise(p.change, counterfactual({ ...run, ...p.run })),
  );
}

/** The past event behind the most score over every slate (by |amount|), with its kind. */
function strongestEvent(base: ReplayResult): { id: string; kind: string } | null {
  const sums = new Map<string, { kind: string; total: number }>();
  for (const slate of base.slates)
    for (const item of slate.trace.items)
      for (const b of item.because)
        for (const e of b.events) {
          const s = sums.get(e.eventId) ?? { kind: e.kind, total: 0 };
          s.total += Math.abs(e.amount);
          sums.set(e.eventId, s);
        }
  const best = [...sums].sort((a, b) => b[1].total - a[1].total || compareStrings(a[0], b[0]))[0];
  return best ? { id: best[0], kind: best[1].kind } : null;
}

type PlannedCounterfactual = {
  change: string;
  run: Pick<Parameters<typeof counterfactual>[0], 'edits' | 'configPatch'>;
};

function plan(
  rules: readonly RuleEffectTotal[],
  strongest: { id: string; kind: string } | null,
): PlannedCounterfactual[] {
  const moved = (r: RuleEffectTotal) => r.removed + r.demoted + r.promoted;
  const planned: PlannedCounterfactual[] = rules
    .filter((r) => r.on && moved(r) > 0)
    .sort((a, b) => moved(b) - moved(a) || compareStrings(a.rule, b.rule))
    .slice(0, RULE_COUNTERFACTUALS)
    .map((r) => ({
      change: `${r.rule} off`,
      run: { edits: [], configPatch: { rules: { [r.rule]: false } } },
    }));
  if (strongest)
    planned.push({
      change: `without ${strongest.id} (${strongest.kind}), the strongest single driver`,
      run: { edits: [{ op: 'remove', eventId: strongest.id }] },
    });
  return planned;
}

function summarise(
  change: string,
  result: ReturnType<typeof counterfactual>,
): CounterfactualSummary {
  const points = result.points;
  const sizes = result.alt.slates.map((s) => s.trace.items.length);
  let changed = 0;
  let replaced = 0;
  let moved = 0;
  let dims = 0;
  points.forEach((p, i) => {
    if (p.entered.length > 0 || p.left.length > 0 || p.moved.length > 0) changed++;
    replaced += sizes[i] ? p.entered.length / sizes[i]! : 0;
    moved += p.moved.length;
    dims = Math.max(dims, p.profileDimsChanged);
  });
  const n = points.length || 1;
  return {
    change,
    slatesChanged: changed,
    replacedShare: round(replaced / n),
    movedPerSlate: round(moved / n),
    profileDimsChanged: dims,
  };
}
