import { describe, expect, it } from 'vitest';
import { bareItem } from '../../src-main/domain/types';
import type { TopicTable } from '../../src-renderer/cards/card-look';
import { videoCardLook, videoName } from '../../src-renderer/cards/video-card';

const TOPICS: TopicTable = [
  { id: 'cooking', label: 'Food & Cooking' },
  { id: 'fitness', label: 'Fitness' },
];

describe('a Feed video card', () => {
  it('says which video and that its caption is not known yet, never a blank line', () => {
    const look = videoCardLook(TOPICS, { ...bareItem('7301234567890123456', null), caption: ' ' });
    expect(look.captionKnown).toBe(false);
    expect(look.title).toBe('video 7301…3456, no caption known yet');
    expect(look.creator).toBe('creator unknown');
    expect(look.sound).toBe('sound unknown');
    expect(look.thumbDuration).toBeNull();
  });

  it('uses the caption, else the hashtags, as its title', () => {
    const base = bareItem('7301234567890123456', null);
    expect(
      videoCardLook(TOPICS, { ...base, caption: 'Pasta night', durationS: 14.4 }),
    ).toMatchObject({ title: 'Pasta night', thumbDuration: '14 s' });
    const tagged = videoCardLook(TOPICS, { ...base, hashtags: ['gym', 'legday'] });
    expect(tagged).toMatchObject({ title: '#gym #legday', captionKnown: true });
  });

  it('names a video it knows nothing of by its id, shortened only when long', () => {
    expect(videoName(TOPICS, undefined, '7301234567890123456')).toBe('video 7301…3456');
    expect(videoName(TOPICS, undefined, 'v42')).toBe('video v42');
    expect(videoName(TOPICS, undefined, '7301234567')).toBe('video 7301234567');
  });
});

describe('a video named in one line', () => {
  it('gives the caption (cut at 60 characters) and the creator', () => {
    const item = { ...bareItem('1', null), caption: 'x'.repeat(80), creator: 'chef.ana' };
    expect(videoName(TOPICS, item, '1')).toBe(`${'x'.repeat(59)}… · @chef.ana`);
    expect(videoName(TOPICS, { ...item, caption: 'Short', creator: null }, '1')).toBe('Short');
  });

  it('says so when nothing is known, or the video was not sent', () => {
    const id = '7301234567890123456';
    expect(videoName(TOPICS, bareItem(id, null), id)).toBe('video 7301…3456, no caption known yet');
    expect(videoName(TOPICS, undefined, id)).toBe('video 7301…3456');
  });
});
