// Names from outside reach the terminal and summary.csv escaped (issue #20): a file named with
// ESC (clear screen), BEL and U+202E (right-to-left override) must not act on either.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFeedlens } from '../helpers/cli';
import { tempDbPath, tempDir } from '../helpers/temp';

const HOSTILE = 'a\u001b[2J\u0007\u202Egpj.json';
const SHOWN = 'a\\u001B[2J\\u0007\\u202Egpj.json';
const RAW = ['\u001b', '\u0007', '\u202e'];
const hasRaw = (text: string): boolean => RAW.some((c) => text.includes(c));

describe('hostile file names', () => {
  it('are escaped in the CLI’s error line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, HOSTILE), 'not an export');
    const run = runFeedlens(['import', join(dir, HOSTILE), '--db', tempDbPath()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(SHOWN);
    expect(hasRaw(run.stderr)).toBe(false);
  });

  it('are escaped in an audit’s progress lines and summary.csv', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, HOSTILE), '{"cut off');
    const out = join(dir, 'out');
    const run = runFeedlens(['audit', '--input', input, '--out', out]);
    expect(hasRaw(run.stdout + run.stderr)).toBe(false);
    expect(run.stderr).toContain(SHOWN.replace(/\.json$/, ''));
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(hasRaw(csv)).toBe(false);
    // The input's id is made safe for a folder name; the error quotes the file name escaped.
    expect(csv.split('\r\n')[1]).toContain(`,failed,"${SHOWN}`);
  });
});
