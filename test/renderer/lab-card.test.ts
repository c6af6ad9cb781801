import { describe, expect, it } from 'vitest';
import { bareItem } from '../../src-main/domain/types';
import { cardLook, topicColour, type TopicTable } from '../../src-renderer/cards/card-look';
import { slug } from '../../src-renderer/lab/scenario-id';
import { profileBars } from '../../src-renderer/lab/profile-bars-math';

const TOPICS: TopicTable = [
  { id: 'cooking', label: 'Food & Cooking' },
  { id: 'fitness', label: 'Fitness' },
  { id: 'gaming', label: 'Gaming' },
];

describe('a generated Lab card', () => {
  it('never shows a blank line, saying what is unknown', () => {
    const look = cardLook(TOPICS, { ...bareItem('7000000000000000001', null), caption: '  ' });
    expect(look.caption).toBe('A video without a caption');
    expect(look.creator).toBe('creator unknown');
    expect(look.sound).toBe('sound unknown');
    expect(look.duration).toBe('length unknown');
  });

  it('fills from the item: hashtags when no caption, one @ before the creator', () => {
    const look = cardLook(TOPICS, {
      ...bareItem('1', null),
      creator: '@chef.ana',
      hashtags: ['pasta', 'dinner'],
      topics: ['cooking'],
      soundTitle: 'original sound - chef.ana',
      durationS: 31.6,
    });
    expect(look).toMatchObject({
      caption: '#pasta #dinner',
      creator: '@chef.ana',
      topic: 'Food & Cooking',
      sound: 'original sound - chef.ana',
      duration: '32 s',
    });
    expect(look.colour).toBe(topicColour(TOPICS, 'cooking'));
    expect(topicColour(TOPICS, 'cooking')).not.toBe(topicColour(TOPICS, 'gaming'));
  });
});

describe('the Lab profile bars', () => {
  it('keeps the strongest topics by |weight|, ties by id, scaled to the strongest', () => {
    const bars = profileBars(
      TOPICS,
      { gaming: 2, fitness: -4, cooking: 2, travel: 0.5, music: 0 },
      3,
    );
    expect(bars.map((b) => b.topic)).toEqual(['fitness', 'cooking', 'gaming']);
    expect(bars.map((b) => b.share)).toEqual([1, 0.5, 0.5]);
    expect(bars[0]).toMatchObject({ negative: true, row: 0 });
  });

  it('is empty for an empty profile', () => {
    expect(profileBars(TOPICS, {}, 5)).toEqual([]);
  });
});

describe('a scenario id from its title', () => {
  it('keeps letters and digits, folds accents, joins the rest with dashes', () => {
    expect(slug('Exploration: on vs. OFF!')).toBe('exploration-on-vs-off');
    expect(slug('Café für 2')).toBe('cafe-fur-2');
    expect(slug('  ??? ')).toBe('scenario');
    expect(slug('a'.repeat(59) + ' b c')).toBe('a'.repeat(59));
  });
});
