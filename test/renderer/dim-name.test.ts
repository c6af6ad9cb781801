import { describe, expect, it } from 'vitest';
import { dimName } from '../../src-renderer/explain/dim-name';

describe('a dimension in plain words', () => {
  it('names a sound, an effect and a numeric hashtag by their kind, never by their id', () => {
    expect(dimName('sound:7906123456789012345')).toBe('a sound');
    expect(dimName('effect:https://www.tiktok.com/sticker/x-123456')).toBe('an effect');
    expect(dimName('hashtag:1234567')).toBe('a hashtag');
  });

  it('keeps the names a reader can read', () => {
    expect(dimName('topic:fitness')).toBe('topic fitness');
    expect(dimName('hashtag:gymtok')).toBe('#gymtok');
    expect(dimName('creator:@chef.ana')).toBe('@chef.ana');
    expect(dimName('search:cat videos')).toBe('search “cat videos”');
    expect(dimName('duration:short')).toBe('short videos');
    expect(dimName('language:de')).toBe('language de');
  });
});
