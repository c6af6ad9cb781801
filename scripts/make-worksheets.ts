// Writes a printable worksheet and answer key for every shipped Lab scenario into
// docs/lab/worksheets/ (`npx tsx scripts/make-worksheets.ts`). Each scenario runs as the Lab's split screen runs
// it: one session per side, the same persona and seed, autopilot for the scenario's length.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LabSettings, Scenario } from '../src-main/contract/lab';
import { unwrap, type Router } from '../src-main/api/router';
import { startApp } from '../src-main/app';
import { personaSummaries } from '../src-main/lab/personas';
import { answerKeyMarkdown, worksheetMarkdown, type ScenarioRun } from '../src-main/lab/worksheets';

async function runSide(router: Router, scenario: Scenario, settings: LabSettings) {
  const { persona, personaSeed, videos } = scenario;
  const start = unwrap(await router.invoke('lab/start', { settings, persona, personaSeed }));
  const run = unwrap(await router.invoke('lab/autopilot', { sessionId: start.sessionId, videos }));
  await router.invoke('lab/end', { sessionId: start.sessionId });
  return run.state.metrics;
}

async function runScenario(router: Router, scenario: Scenario): Promise<ScenarioRun> {
  const a = await runSide(router, scenario, scenario.a);
  const b = scenario.b ? await runSide(router, scenario, scenario.b) : null;
  return { a, b };
}

export type Worksheets = {
  /** Every worksheet and answer key, by file name. */
  files: Record<string, string>;
  /** The run behind each answer key, by scenario id. */
  runs: Map<string, ScenarioRun>;
};

/** Runs every shipped scenario on a throwaway database and writes its worksheet and key. */
export async function makeWorksheets(dbPath: string): Promise<Worksheets> {
  const app = startApp({ shell: 'test', db: dbPath, now: () => Date.UTC(2026, 0, 1) });
  try {
    const lessons = unwrap(await app.router.invoke('lab/lessons', {}));
    const scenarios = unwrap(await app.router.invoke('lab/scenarios', {}));
    const personas = new Map(personaSummaries().map((p) => [p.id, p]));
    const files: Record<string, string> = {};
    const runs = new Map<string, ScenarioRun>();
    for (const scenario of scenarios) {
      const minutes = lessons.steps.find((s) => s.scenario.id === scenario.id)?.minutes ?? 5;
      const persona = personas.get(scenario.persona)!;
      const run = await runScenario(app.router, scenario);
      runs.set(scenario.id, run);
      files[`${scenario.id}.md`] = worksheetMarkdown(scenario, persona, minutes);
      files[`${scenario.id}-answers.md`] = answerKeyMarkdown(scenario, persona, minutes, run);
    }
    return { files, runs };
  } finally {
    app.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const dir = fileURLToPath(new URL('../docs/lab/worksheets/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const { files } = await makeWorksheets(
    join(mkdtempSync(join(tmpdir(), 'feedlens-')), 'worksheets.db'),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  console.log(`docs/lab/worksheets: ${Object.keys(files).length} files`);
}
