// The run's tables as a SQLite file of their own (not the app's store, which db/ owns): one STRICT
// table per export table, filled in one transaction as rows arrive, with no journal left behind.
import Database from 'better-sqlite3';
import type { ColumnType, Row, TableName } from './tables';
import { TABLE_NAMES, TABLES } from './tables';

const SQL_TYPE: Record<ColumnType, string> = { text: 'TEXT', int: 'INTEGER', real: 'REAL' };

export type SqliteTables = { insert(table: TableName, rows: readonly Row[]): void; close(): void };

export function createSqliteTables(file: string): SqliteTables {
  const db = new Database(file);
  // The whole export folder is made atomically (folder.ts), so this file needs no journal.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('BEGIN');
  const inserts = new Map<TableName, Database.Statement>();
  for (const name of TABLE_NAMES) {
    const cols = TABLES[name];
    const defs = cols.map((c) => `${c.name} ${SQL_TYPE[c.type]}${c.nullable ? '' : ' NOT NULL'}`);
    db.exec(`CREATE TABLE ${name} (${defs.join(', ')}) STRICT`);
    inserts.set(name, db.prepare(`INSERT INTO ${name} VALUES (${cols.map(() => '?').join(', ')})`));
  }
  return {
    insert(table, rows) {
      const stmt = inserts.get(table)!;
      for (const row of rows) stmt.run(row);
    },
    close() {
      db.exec('COMMIT');
      db.close();
    },
  };
}
