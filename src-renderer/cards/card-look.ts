// What a generated card shows: a colour for its main topic and three lines (caption, creator,
// sound) that are never blank, whatever the catalogue left unknown. Pure and tested
// (test/renderer/lab-card.test.ts). Shared by the Lab's card and the Feed's video cards.
import type { Item } from '@main/domain/types';

/**
 * One colour per topic, in taxonomy order: Tableau 20's darker half first, so white text stays
 * readable on the card (the palette d3's schemeTableau10 is drawn from).
 */
const PALETTE = [
  '#4e79a7',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#9c755f',
  '#f28e2b',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#bab0ac',
  '#2f5d87',
  '#a63d40',
  '#3d7a35',
  '#7d5478',
  '#6e5140',
  '#b5651d',
] as const;

const NO_TOPIC_COLOUR = '#6b6b78';

/**
 * The taxonomy's topics in order (the caller passes `TOPIC_TABLE`): taken as an argument so this
 * module stays free of value imports from the main side and is tested without a bundler.
 */
export type TopicTable = readonly { id: string; label: string }[];

export function topicColour(topics: TopicTable, topic: string | undefined): string {
  const index = topic === undefined ? -1 : topics.findIndex((t) => t.id === topic);
  return index < 0 ? NO_TOPIC_COLOUR : PALETTE[index % PALETTE.length]!;
}

export function topicLabel(topics: TopicTable, topic: string): string {
  return topics.find((t) => t.id === topic)?.label ?? topic;
}

export type CardLook = {
  colour: string;
  topic: string;
  caption: string;
  /** False when the caption line is a stand-in: the video has neither a caption nor hashtags. */
  captionKnown: boolean;
  creator: string;
  sound: string;
  duration: string;
};

/** The card's lines, each filled from the best thing known, and saying so when nothing is. */
export function cardLook(topics: TopicTable, item: Item): CardLook {
  const main = item.topics[0];
  const topic = main === undefined ? 'no topic' : topicLabel(topics, main);
  const known =
    nonBlank(item.caption) ??
    (item.hashtags.length > 0 ? item.hashtags.map((h) => `#${h}`).join(' ') : null);
  const caption =
    known ??
    (main === undefined ? 'A video without a caption' : `A ${topic} video without a caption`);
  return {
    colour: topicColour(topics, main),
    topic,
    caption,
    captionKnown: known !== null,
    creator: nonBlank(item.creator) ? `@${item.creator!.replace(/^@/, '')}` : 'creator unknown',
    sound: nonBlank(item.soundTitle) ?? nonBlank(item.sound) ?? 'sound unknown',
    duration: item.durationS === null ? 'length unknown' : `${Math.round(item.durationS)} s`,
  };
}

function nonBlank(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
