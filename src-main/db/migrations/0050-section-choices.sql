-- 0050: what a person said a TXT export file is, when its name did not say and its records
-- (a date and a video link) fit several sections (docs/IMPORT.md, "Ask, don't guess"). Keyed by
-- the file's path inside the export, so the next export with the same file name needs no asking.
-- Written in the transaction of the import that used the choice.
CREATE TABLE section_choices (
  file       TEXT PRIMARY KEY,
  choice     TEXT NOT NULL CHECK (choice IN ('watch', 'like', 'favorite', 'ignore')),
  chosen_at  TEXT NOT NULL
) STRICT;
