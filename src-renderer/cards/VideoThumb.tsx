import { useState } from 'react';
import { useStoredThumbnail } from './stored-thumbnails';
import type { VideoCardLook } from './video-card';

/**
 * A video's thumbnail: the image downloaded during an online run when the person chose to
 * (docs/ENRICH.md), else a generated one in its topic colour. The generated one is drawn
 * underneath and stays while the image is asked for, when there is none and when it fails to
 * decode. Only data: URLs from the database are shown: the page's CSP allows no other image, and
 * nothing is ever loaded from TikTok. Hidden from screen readers: the card says it in words.
 */
export function VideoThumb({ look }: { look: VideoCardLook }) {
  const src = useStoredThumbnail(look.thumbnailId);
  const [broken, setBroken] = useState<string | null>(null);
  const shown = src !== null && src !== broken;
  return (
    <div
      className="video-thumb"
      style={{ background: look.colour }}
      aria-hidden="true"
      data-thumbnail={shown ? 'downloaded' : 'generated'}
    >
      {shown && (
        <img className="video-thumb-image" src={src} alt="" onError={() => setBroken(src)} />
      )}
      <span className="video-thumb-topic">{look.topic}</span>
      <span className="video-thumb-play">▶</span>
      {look.thumbDuration && <span className="video-thumb-duration">{look.thumbDuration}</span>}
    </div>
  );
}
