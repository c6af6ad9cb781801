import type { Db } from './connection';

export function getAppState(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM app_state WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setAppState(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
