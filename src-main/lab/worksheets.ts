// Printable worksheets and answer keys for the shipped Lab scenarios (docs/lab/worksheets/).
// A worksheet is what a learner fills in: the setup in words, the prediction to commit to, blanks
// for what the run shows and the discussion. Its answer key is written from a real run of the
// scenario (scripts/make-worksheets.ts), so it cannot drift from what the Lab shows in class.
import { guessChoices, measuredGuess } from './guesses';
import type { LabMetrics, LabSettings, PersonaSummary, Scenario } from '../contract/lab';
import { TOPIC_TABLE } from '../domain/taxonomy-data';
import { PRESET_LABELS } from '../engine/presets';

export type ScenarioRun = { a: LabMetrics; b: LabMetrics | null };

const topicName = (id: string): string => TOPIC_TABLE.find((t) => t.id === id)?.label ?? id;
const LEVELS = ['least', 'neutral', 'most'];

/** A side's settings in words, as the Lab's rules panel names them. */
export function describeSettings(settings: LabSettings): string {
  const parts = [`preset ${PRESET_LABELS[settings.preset]}`];
  const eps = settings.explorationShare;
  parts.push(eps === undefined ? 'exploration at the preset default' : `exploration ε = ${eps}`);
  for (const [rule, on] of Object.entries(settings.rules ?? {}))
    parts.push(`rule ${rule} ${on ? 'on' : 'off'}`);
  for (const [topic, level] of Object.entries(settings.topicLevels ?? {}))
    parts.push(`${topicName(topic)} slider at ${LEVELS[Math.round(level)] ?? level}`);
  if (settings.keywords?.length) parts.push(`keyword filters: ${settings.keywords.join(', ')}`);
  return parts.join('; ');
}

function sides(scenario: Scenario): [string, LabSettings][] {
  return scenario.b
    ? [
        ['Left feed (A)', scenario.a],
        ['Right feed (B)', scenario.b],
      ]
    : [['The feed', scenario.a]];
}

function header(scenario: Scenario, persona: PersonaSummary, minutes: number): string[] {
  return [
    `# ${scenario.title}`,
    '',
    `Feedlens Feed Lab · scenario \`${scenario.id}\` · about ${minutes} minutes · a simulation over a synthetic catalogue, not TikTok`,
    '',
    scenario.lesson,
    '',
    '## Setup',
    '',
    `- Persona: **${persona.name}** (seed ${scenario.personaSeed}). ${persona.description}`,
    `- Length: ${scenario.videos} videos${scenario.b ? ' on each side' : ''}.`,
    ...sides(scenario).map(([label, settings]) => `- ${label}: ${describeSettings(settings)}.`),
    '',
  ];
}

export function worksheetMarkdown(
  scenario: Scenario,
  persona: PersonaSummary,
  minutes: number,
): string {
  const blanks = sides(scenario).flatMap(([label]) => [
    `| ${label} | after ______ videos / none | ______ | ______ bits |`,
  ]);
  return [
    ...header(scenario, persona, minutes),
    '## 1. Predict (before the run)',
    '',
    scenario.predict,
    '',
    ...guessChoices(scenario.b !== undefined).map((c) => `- [ ] ${c.label}`),
    '',
    'Why do you think so? ____________________________________________',
    '',
    '## 2. Run, and write down what the Lab shows',
    '',
    '| Feed | Bubble badge | Creators in the last 20 cards | Profile entropy |',
    '| --- | --- | --- | --- |',
    ...blanks,
    '',
    'Was your prediction right? ______ What surprised you? ______________________',
    '',
    '## 3. Discuss',
    '',
    ...scenario.discuss.map(
      (q, i) => `${i + 1}. ${q}\n\n   ________________________________________________\n`,
    ),
  ].join('\n');
}

export function answerKeyMarkdown(
  scenario: Scenario,
  persona: PersonaSummary,
  minutes: number,
  run: ScenarioRun,
): string {
  const measured = measuredGuess(run.a.bubbleAfter, run.b === null ? undefined : run.b.bubbleAfter);
  const answer = guessChoices(scenario.b !== undefined).find((c) => c.id === measured)!;
  const rows = sides(scenario).map(([label], i) => {
    const m = (i === 0 ? run.a : run.b)!;
    const bubble =
      m.bubbleAfter === null
        ? 'none'
        : `after ${m.bubbleAfter} videos (${topicName(m.bubbleTopic ?? '')})`;
    return `| ${label} | ${bubble} | ${m.recentCreators} | ${m.profileEntropy.toFixed(2)} bits | ${m.videos} videos, ${m.events} events |`;
  });
  return [
    ...header(scenario, persona, minutes),
    '## Answer key',
    '',
    `**${answer.label}.**`,
    '',
    scenario.reveal,
    '',
    '| Feed | Bubble badge | Creators in the last 20 cards | Profile entropy | n |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Measured by `npx tsx scripts/make-worksheets.ts` on this release; the same seed gives the same numbers on any machine. A bubble is one topic on at least 60% of 20 cards in a row (docs/LAB.md).',
    '',
    '## For the discussion',
    '',
    ...scenario.discuss.map((q, i) => `${i + 1}. ${q}`),
    '',
    'These questions have no single right answer; the table above is the evidence to argue from.',
    '',
  ].join('\n');
}
