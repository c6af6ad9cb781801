import { describe, expect, it } from 'vitest';
import { actionForKey, keysLabel, LAB_ACTIONS, type KeyPress } from '../../src-renderer/lab/keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  ...extra,
});

describe('the Lab keyboard', () => {
  it('maps each documented key to its action', () => {
    expect(actionForKey(press('ArrowDown'))).toBe('watch');
    expect(actionForKey(press('j'))).toBe('watch');
    expect(actionForKey(press('s'))).toBe('skip');
    expect(actionForKey(press('l'))).toBe('like');
    expect(actionForKey(press('h'))).toBe('share');
    expect(actionForKey(press('c'))).toBe('comment');
    expect(actionForKey(press('f'))).toBe('follow');
    expect(actionForKey(press('n'))).toBe('not-interested');
    expect(actionForKey(press('r'))).toBe('rewatch');
  });

  it('reads capital letters (caps lock) as the same action', () => {
    expect(actionForKey(press('L'))).toBe('like');
  });

  it('ignores chords, unknown keys and typing into a field', () => {
    expect(actionForKey(press('l', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(press('r', { metaKey: true }))).toBeNull();
    expect(actionForKey(press('x'))).toBeNull();
    expect(actionForKey(press('l', { targetTag: 'input' }))).toBeNull();
    expect(actionForKey(press('ArrowDown', { targetTag: 'SELECT' }))).toBeNull();
  });

  it('gives every action a key label, no key used twice', () => {
    const labels = LAB_ACTIONS.map(keysLabel);
    expect(labels[0]).toBe('↓ / j');
    expect(labels.every((l) => l.length > 0)).toBe(true);
    const keys = labels.flatMap((l) => l.split(' / '));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
