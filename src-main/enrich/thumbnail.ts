// Downloading a found video's thumbnail during an online run (docs/ENRICH.md, "Thumbnails"), only
// when the person chose it. oEmbed's `thumbnail_url` is signed and expires within days, so the
// image is fetched right after its answer and kept in the database; the page never loads it from
// TikTok. Only TikTok's image servers are asked, no redirect is followed, the body is read as a
// stream with a cap, and only bytes that are a JPEG, PNG or WebP image are kept.
import type { ThumbnailFetch, ThumbnailMime } from '../db/thumbnails';
import { readCapped } from './read-capped';

/**
 * The image servers oEmbed's thumbnail URLs point at (OURS, from URLs seen in oEmbed answers and
 * in TikTok's pages: p16-sign.tiktokcdn.com, p19-sign.tiktokcdn-us.com, *.tiktokcdn-eu.com,
 * p16-*.ibyteimg.com, p1-tt.byteimg.com). A host matches itself or any subdomain; https only.
 */
export const THUMBNAIL_HOST_SUFFIXES = [
  'tiktokcdn.com',
  'tiktokcdn-us.com',
  'tiktokcdn-eu.com',
  'ibyteimg.com',
  'byteimg.com',
] as const;

/**
 * OURS: a JPEG of the 576×1024 oEmbed's answers name is usually well under 200 KB; 512 KB leaves
 * room and bounds what up to 16 downloads in flight hold.
 */
export const MAX_THUMBNAIL_BYTES = 512 * 1024;

/**
 * Why a thumbnail URL may not be fetched, or null when it may: an https URL on TikTok's image
 * servers, or one on the oEmbed endpoint's own host and port (a mirror, or a test's stand-in on
 * 127.0.0.1), with that endpoint's scheme.
 */
export function thumbnailUrlRefusal(url: string, oembedBaseUrl: string): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'the thumbnail URL is not a URL';
  }
  const oembed = new URL(oembedBaseUrl);
  if (target.host === oembed.host && target.protocol === oembed.protocol) return null;
  const notHttps = 'the thumbnail URL is not https';
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return notHttps;
  const host = target.hostname.toLowerCase();
  if (!THUMBNAIL_HOST_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`)))
    return `the thumbnail is on ${target.host}, not one of TikTok's image servers`;
  return target.protocol === 'https:' ? null : notHttps;
}

/** The image type by its first bytes (magic numbers), or null when it is none of the three. */
export function imageMime(bytes: Uint8Array): ThumbnailMime | null {
  const starts = (offset: number, ...values: number[]) =>
    bytes.length >= offset + values.length && values.every((v, i) => bytes[offset + i] === v);
  if (starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF <size> WEBP
  if (starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

export type ThumbnailOptions = {
  oembedBaseUrl: string;
  timeoutMs: number;
  /** The user's cancel: the only thing that makes this throw. */
  signal: AbortSignal;
};

/** One try, never retried: a thumbnail that does not come is not worth holding the run back. */
export async function fetchThumbnail(
  url: string,
  options: ThumbnailOptions,
): Promise<ThumbnailFetch> {
  const refusal = thumbnailUrlRefusal(url, options.oembedBaseUrl);
  if (refusal !== null) return { outcome: 'refused', detail: refusal };
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  const failed = (detail: string): ThumbnailFetch => ({ outcome: 'failed', detail });
  try {
    // Redirects are not followed: they could lead to a host outside the list above.
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: { accept: 'image/jpeg, image/png, image/webp' },
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return failed(`the image server answered HTTP ${response.status}`);
    }
    const bytes = await readCapped(response, MAX_THUMBNAIL_BYTES);
    if (bytes === null) return failed(`the image is larger than ${MAX_THUMBNAIL_BYTES / 1024} KB`);
    const mime = imageMime(bytes);
    if (mime === null) return failed('the answer is not a JPEG, PNG or WebP image');
    return { outcome: 'stored', mime, bytes, detail: `${mime}, ${bytes.length} bytes` };
  } catch (error) {
    options.signal.throwIfAborted();
    if (timeout.aborted) return failed(`no image within ${options.timeoutMs / 1000} s`);
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return failed(`the connection failed (${cause})`);
  }
}
