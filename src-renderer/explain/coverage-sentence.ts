// The one-line "what is known" strip shown on every screen, written from `enrich/coverage`.
import type { MetadataCoverage } from '@main/contract/enrich';
import type { DatasetKind } from '@main/domain/types';
import { countOf, formatCount } from '../format';

/**
 * '1,873 of 1,990 videos have a caption and 1,700 a creator; topics for 1,650 (212 inferred from
 * hashtags); 61 deleted, 40 private'.
 */
export function coverageSentence(c: MetadataCoverage): string {
  if (c.items === 0) return 'This dataset lists no videos.';
  const verb = c.withCaption === 1 ? 'has' : 'have';
  const parts = [
    `${formatCount(c.withCaption)} of ${countOf(c.items, 'video')} ${verb} a caption and ${formatCount(c.withCreator)} a creator`,
    `topics for ${formatCount(c.withTopic)}${c.topicInferred > 0 ? ` (${formatCount(c.topicInferred)} inferred from hashtags)` : ''}`,
  ];
  const lookups = [
    c.lookups.deleted > 0 ? `${formatCount(c.lookups.deleted)} deleted` : null,
    c.lookups.private > 0 ? `${formatCount(c.lookups.private)} private` : null,
    c.lookups['bad-answer'] > 0 ? countOf(c.lookups['bad-answer'], 'bad answer') : null,
    c.lookups.failed > 0 ? `${formatCount(c.lookups.failed)} failed to fetch` : null,
  ].filter((part) => part !== null);
  if (lookups.length > 0) parts.push(lookups.join(', '));
  return parts.join('; ');
}

/**
 * 'Your export lists 1,990 videos without captions or creators.' and, when TikTok was asked about
 * some of them already, how many (deleted, private or no usable answer; failures are retried).
 */
export function missingMetadataSentence(
  missing: number,
  alreadyAsked: number,
  kind: DatasetKind,
): string {
  const subject = kind === 'tiktok-export' ? 'Your export' : 'This dataset';
  const lists =
    missing === 1
      ? `${subject} lists 1 video without a caption or creator.`
      : `${subject} lists ${formatCount(missing)} videos without captions or creators.`;
  if (alreadyAsked === 0) return lists;
  const asked =
    alreadyAsked === missing
      ? missing === 1
        ? 'It was'
        : 'All were'
      : `${formatCount(alreadyAsked)} ${alreadyAsked === 1 ? 'was' : 'were'}`;
  return `${lists} ${asked} asked about online already (deleted, private or no usable answer).`;
}
