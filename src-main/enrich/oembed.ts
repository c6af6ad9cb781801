// One request to TikTok's public oEmbed endpoint and what its answer means (docs/ENRICH.md). The
// only thing that leaves the machine is the video id, inside the `url` parameter. The answer is
// read as a stream with a size cap, so a huge or endless body is never held whole.
import type { MetadataRecord } from '../db/metadata';
import { createdFromId, creatorHandle, hashtagName } from '../import/fields';
import { readCapped } from './read-capped';

/** oEmbed answers are 2–5 KB; one over 1 MB is not an oEmbed answer (OURS). */
export const MAX_ANSWER_BYTES = 1024 * 1024;
/** Bytes of an error answer read to tell a private video from a removed one. */
const MAX_ERROR_BYTES = 16 * 1024;

/**
 * The page URL oEmbed is asked about. TikTok's docs show `https://www.tiktok.com/@user/video/ID`;
 * TikTok resolves the page by its id and public clients pass a placeholder handle, so the request
 * carries the id and nothing else about the person.
 */
export function videoPageUrl(id: string): string {
  return `https://www.tiktok.com/@_/video/${id}`;
}

export function requestUrl(baseUrl: string, id: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('url', videoPageUrl(id));
  return url.toString();
}

export type Final = 'found' | 'deleted' | 'private' | 'bad-answer';

export type Attempt =
  | { kind: 'final'; outcome: Final; status: number; detail: string; record: MetadataRecord | null }
  /** Worth asking again: a 429, a 5xx, a timeout or a network error. */
  | { kind: 'retry'; status: number | null; detail: string; retryAfter: string | null };

export type AskOptions = { baseUrl: string; timeoutMs: number; signal: AbortSignal };

/** Asks once. Throws only when `signal` (the user's cancel) aborts. */
export async function askOembed(id: string, options: AskOptions): Promise<Attempt> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  let response: Response;
  try {
    // Redirects are not followed: they could carry the id to a host the user never agreed to.
    response = await fetch(requestUrl(options.baseUrl, id), {
      signal,
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    options.signal.throwIfAborted();
    return noAnswer(error, timeout.aborted, options.timeoutMs);
  }
  const status = response.status;
  try {
    if (status === 429 || status >= 500) {
      await response.body?.cancel();
      return {
        kind: 'retry',
        status,
        detail:
          status === 429 ? 'TikTok asked to slow down (HTTP 429)' : `server error (HTTP ${status})`,
        retryAfter: response.headers.get('retry-after'),
      };
    }
    if (status !== 200) return classifyError(status, await readText(response, MAX_ERROR_BYTES));
    const body = await readText(response, MAX_ANSWER_BYTES);
    if (body === null)
      return bad(status, `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
    return classifyAnswer(id, status, body, response.headers.get('content-type') ?? '');
  } catch (error) {
    options.signal.throwIfAborted();
    return noAnswer(error, timeout.aborted, options.timeoutMs);
  }
}

function noAnswer(error: unknown, timedOut: boolean, timeoutMs: number): Attempt {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
  return {
    kind: 'retry',
    status: null,
    detail: timedOut
      ? `no answer within ${timeoutMs / 1000} s`
      : `the connection failed (${cause})`,
    retryAfter: null,
  };
}

const bad = (status: number, detail: string): Attempt => ({
  kind: 'final',
  outcome: 'bad-answer',
  status,
  detail,
  record: null,
});

/**
 * TikTok documents no error answers, and public clients see `{"status_msg": "Something went
 * wrong"}` for any video oEmbed cannot describe. Our reading (OURS, docs/ENRICH.md): 404 and 410
 * mean removed; 400 (TikTok's `status_code` 10101), 401 and 403 mean not public (private); an
 * error body that says "private" is private.
 */
function classifyError(status: number, body: string | null): Attempt {
  const says = (body ?? '').toLowerCase();
  const final = (outcome: Final, detail: string): Attempt => ({
    kind: 'final',
    outcome,
    status,
    detail,
    record: null,
  });
  if (status === 404 || status === 410) {
    return says.includes('private')
      ? final('private', `the video is private (HTTP ${status})`)
      : final('deleted', `the video is removed or unavailable (HTTP ${status})`);
  }
  if (status === 400 || status === 401 || status === 403)
    return final('private', `the video is private or not embeddable (HTTP ${status})`);
  if (status >= 300 && status < 400)
    return bad(
      status,
      `the server redirected (HTTP ${status}); Feedlens does not follow redirects`,
    );
  return bad(status, `unexpected HTTP status ${status}`);
}

type Json = Record<string, unknown>;

function classifyAnswer(id: string, status: number, body: string, type: string): Attempt {
  if (/^\s*</.test(body) || type.includes('html'))
    return bad(status, 'the answer is HTML, not oEmbed JSON (perhaps a check page)');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return bad(status, 'the answer is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad(status, 'the answer is not a JSON object');
  const answer = value as Json;
  const about = answerId(answer);
  if (about === null) return bad(status, 'the answer names no video id');
  if (about !== id) return bad(status, `the answer is about video ${about}, not this one`);
  return { kind: 'final', outcome: 'found', status, detail: 'found', record: toRecord(id, answer) };
}

/** oEmbed names its video in `embed_product_id` and in the embed HTML's data-video-id. */
function answerId(answer: Json): string | null {
  const product = own(answer, 'embed_product_id');
  if (typeof product === 'string' && /^\d{1,19}$/.test(product)) return product;
  const html = own(answer, 'html');
  const match = typeof html === 'string' ? /data-video-id="(\d{1,19})"/.exec(html) : null;
  return match ? match[1]! : null;
}

/** `title` is the caption with its #hashtags; the handle is `author_unique_id` or in `author_url`. */
function toRecord(id: string, answer: Json): MetadataRecord {
  const title = own(answer, 'title');
  const caption = typeof title === 'string' ? title.replaceAll('\0', '') : null;
  const unique = own(answer, 'author_unique_id');
  const authorUrl = own(answer, 'author_url');
  const fromUrl = typeof authorUrl === 'string' ? /\/@([^/?#]+)/.exec(authorUrl)?.[1] : undefined;
  const handle = typeof unique === 'string' && unique !== '' ? unique : fromUrl;
  const thumbnail = own(answer, 'thumbnail_url');
  return {
    id,
    creator: handle === undefined ? null : creatorHandle(handle),
    sound: null,
    soundTitle: null,
    caption,
    hashtags: captionHashtags(caption),
    durationS: null,
    language: null,
    createdAtMs: createdFromId(id),
    stats: null,
    thumbnailUrl:
      typeof thumbnail === 'string' && /^https?:\/\//.test(thumbnail) && thumbnail.length <= 4096
        ? thumbnail
        : null,
  };
}

/** The #hashtags written in a caption, lower-case, without '#', first occurrence first. */
export function captionHashtags(caption: string | null): string[] {
  if (!caption) return [];
  const tags = new Set<string>();
  for (const m of caption.matchAll(/#([\p{L}\p{M}\p{N}_]+)/gu)) {
    const name = hashtagName(m[1]!);
    if (name !== null) tags.add(name);
  }
  return [...tags];
}

function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The body as text, or null when it is longer than `max` bytes (reading stops there). */
async function readText(response: Response, max: number): Promise<string | null> {
  return (await readCapped(response, max))?.toString('utf8') ?? null;
}
