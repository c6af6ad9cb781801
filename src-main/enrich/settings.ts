// Online enrichment settings, kept in app_state so every shell (UI, CLI) sees the same ones.
import type { EnrichSettings } from '../contract/enrich';
import { getAppState, setAppState } from '../db/app-state';
import type { Db } from '../db/connection';

/**
 * TikTok's public oEmbed endpoint (developers.tiktok.com/doc/embed-videos) and 2 requests per
 * second: OURS. TikTok publishes no rate limit for oEmbed; two a second is about what a person
 * opening embeds by hand could do, keeps a 2,000-video export under 20 minutes, and leaves room
 * below any limit that would answer 429 (which the run honours anyway).
 */
export const DEFAULT_SETTINGS: EnrichSettings = {
  baseUrl: 'https://www.tiktok.com/oembed',
  ratePerSecond: 2,
  // Off: downloading thumbnails asks a second party (TikTok's image servers) for every found
  // video, and `feedlens enrich --online` must not start doing so without saying (ENRICH.md).
  thumbnails: false,
};

const BASE_URL = 'enrich.baseUrl';
const RATE = 'enrich.ratePerSecond';
const THUMBNAILS = 'enrich.thumbnails';

export function readSettings(db: Db): EnrichSettings {
  const rate = Number(getAppState(db, RATE));
  return {
    baseUrl: getAppState(db, BASE_URL) ?? DEFAULT_SETTINGS.baseUrl,
    ratePerSecond: Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_SETTINGS.ratePerSecond,
    thumbnails: getAppState(db, THUMBNAILS) === 'on',
  };
}

/** Changes the settings given, keeps the others, and returns all of them. */
export function writeSettings(db: Db, change: Partial<EnrichSettings>): EnrichSettings {
  db.transaction(() => {
    if (change.baseUrl !== undefined) setAppState(db, BASE_URL, change.baseUrl);
    if (change.ratePerSecond !== undefined) setAppState(db, RATE, String(change.ratePerSecond));
    if (change.thumbnails !== undefined)
      setAppState(db, THUMBNAILS, change.thumbnails ? 'on' : 'off');
  })();
  return readSettings(db);
}
