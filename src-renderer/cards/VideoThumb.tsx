import type { VideoCardLook } from './video-card';

/**
 * A generated thumbnail: the video's topic colour with its topic and length. Items may carry an
 * enrichment `thumbnailUrl`, but it is not loaded: it points at TikTok's CDN, the page's CSP
 * allows only local images, and fetching it would be network access the user did not agree to.
 * Real thumbnails need downloading during the opt-in enrichment and storing locally (not yet).
 */
export function VideoThumb({ look }: { look: VideoCardLook }) {
  return (
    <div className="video-thumb" style={{ background: look.colour }} aria-hidden="true">
      <span className="video-thumb-topic">{look.topic}</span>
      <span className="video-thumb-play">▶</span>
      {look.thumbDuration && <span className="video-thumb-duration">{look.thumbDuration}</span>}
    </div>
  );
}
