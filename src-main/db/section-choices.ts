// The remembered answers to "what is this file?" (migration 0050): file path → section choice.
import type { SectionChoice } from '../domain/types';
import type { Db } from './connection';

export function loadSectionChoices(db: Db): Map<string, SectionChoice> {
  const rows = db.prepare('SELECT file, choice FROM section_choices ORDER BY file').all() as {
    file: string;
    choice: SectionChoice;
  }[];
  return new Map(rows.map((r) => [r.file, r.choice]));
}

/** Called inside the import's transaction: the choice lands with the data it shaped. */
export function saveSectionChoices(
  db: Db,
  choices: ReadonlyMap<string, SectionChoice>,
  chosenAt: string,
): void {
  const upsert = db.prepare(
    `INSERT INTO section_choices (file, choice, chosen_at) VALUES (?, ?, ?)
       ON CONFLICT (file) DO UPDATE SET choice = excluded.choice, chosen_at = excluded.chosen_at`,
  );
  for (const [file, choice] of choices) upsert.run(file, choice, chosenAt);
}
