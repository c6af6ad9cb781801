// What a Feed card says about a video it knows little about: never a blank line. An imported
// export names most videos by id only until metadata is added, so the card says which video and
// that its caption is not known yet. Pure and tested (test/renderer/video-card.test.ts).
import type { Item } from '@main/domain/types';
import { cardLook, type CardLook, type TopicTable } from './card-look';

/**
 * "7301…4224": a long TikTok id shortened so videos can still be told apart at a glance. Both
 * ends, because the leading digits encode the upload time and are shared by a week's videos.
 */
function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}

/** The card's caption line: the caption or hashtags, else which video it is and that nothing is known yet. */
export function feedCaption(look: CardLook, item: Item): string {
  return look.captionKnown ? look.caption : `video ${shortId(item.id)}, no caption known yet`;
}

/**
 * The card look with the Feed's caption line as its title; the thumbnail shows a length only when
 * known. `thumbnailId` is the video id to ask a downloaded thumbnail for: null when no source
 * named a thumbnail, so nothing was downloaded and nothing is asked.
 */
export type VideoCardLook = CardLook & {
  title: string;
  thumbDuration: string | null;
  thumbnailId: string | null;
};

export function videoCardLook(topics: TopicTable, item: Item): VideoCardLook {
  const look = cardLook(topics, item);
  return {
    ...look,
    title: feedCaption(look, item),
    thumbDuration: item.durationS === null ? null : look.duration,
    thumbnailId: item.thumbnailUrl === null ? null : item.id,
  };
}

const NAME_LENGTH = 60;

/**
 * A video named in one line, as the side-by-side what-if lists it: its caption (cut at 60
 * characters) and creator when known, else "video 7301…, no caption known yet". `item` is
 * undefined when the answer did not carry the video (it then is named by id alone).
 */
export function videoName(topics: TopicTable, item: Item | undefined, id: string): string {
  if (!item) return `video ${shortId(id)}`;
  const look = cardLook(topics, item);
  if (!look.captionKnown) return feedCaption(look, item);
  const caption =
    look.caption.length > NAME_LENGTH ? `${look.caption.slice(0, NAME_LENGTH - 1)}…` : look.caption;
  return item.creator ? `${caption} · ${look.creator}` : caption;
}
