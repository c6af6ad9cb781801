import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../src-main/domain/printable';

describe('printable', () => {
  it('writes escape, bell, line breaks and bidi overrides as visible escapes', () => {
    expect(printable('a\u001b[2Jb\u0007c\u202Egpj.exe\r\n')).toBe(
      'a\\u001B[2Jb\\u0007c\\u202Egpj.exe\\u000D\\u000A',
    );
    expect(printable('\u009b\u2066x\u2069\u200f')).toBe('\\u009B\\u2066x\\u2069\\u200F');
  });
  it('leaves ordinary text, tabs and other scripts alone', () => {
    const text = 'Je activiteit/Kijkgeschiedenis.txt\tvideo’s 日本語 עברית';
    expect(printable(text)).toBe(text);
  });
  it('keeps a text’s line breaks, and a JSON text parses to the same value', () => {
    const value = { name: 'x\u202Ey\u0085', list: [1] };
    const json = JSON.stringify(value, null, 2);
    const shown = printableLines(json);
    expect(shown).toContain('\n');
    expect(shown).not.toMatch(/[\u202e\u0085]/);
    expect(JSON.parse(shown)).toEqual(value);
  });
});
