import { describe, expect, it } from 'vitest';
import { actionForKey, keysLabel, LAB_ACTIONS, type KeyPress } from '../../src-renderer/lab/keys';
import { sendsWatchTime, watchSeconds } from '../../src-renderer/lab/watch-time';

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

describe('watch time of a manual action', () => {
  it('is the time on the card, or that time at the chosen speed, capped at an hour', () => {
    expect(watchSeconds({ kind: 'real' }, 4_240)).toBe(4.2);
    expect(watchSeconds({ kind: 'simulated', speed: 10 }, 3_000)).toBe(30);
    expect(watchSeconds({ kind: 'simulated', speed: 30 }, 600_000)).toBe(3600);
    expect(watchSeconds({ kind: 'real' }, -5)).toBe(0);
  });

  it('is sent only by the actions that leave the card', () => {
    expect(sendsWatchTime('watch')).toBe(true);
    expect(sendsWatchTime('skip')).toBe(true);
    expect(sendsWatchTime('like')).toBe(false);
  });
});
