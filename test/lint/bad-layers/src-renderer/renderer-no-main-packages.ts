// A screen that opens SQLite.
import type Database from 'better-sqlite3';

export type Handle = Database.Database;
