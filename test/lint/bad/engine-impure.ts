// Deliberately impure: test/lint/layer-rules.test.ts lints this text as if it sat in
// src-main/engine/ and expects every line below to be reported.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { app } from 'electron';
import { useState } from 'react';

export const now = Date.now();
export const roll = Math.random();
export { readFileSync, Database, app, useState };
