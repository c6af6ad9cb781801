// Downloaded thumbnails for the cards on screen, asked for in one `enrich/thumbnails` call per
// render: every card asks in the same tick and one timer sends them all. Answers are kept until
// the data changes (an online run gaining thumbnails) or they are deleted, then asked again.
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useDataVersion } from '../api/data-version';

/** The contract's limit per call. */
const BATCH = 100;
/** Images kept in memory at most (a data URL is 40–200 KB); the oldest go first. */
const KEPT = 300;

let keptVersion = -1;
const kept = new Map<string, Promise<string | null>>();
let waiting = new Map<string, (src: string | null) => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

function send(): void {
  timer = null;
  const batch = [...waiting];
  waiting = new Map();
  for (let i = 0; i < batch.length; i += BATCH) {
    const part = batch.slice(i, i + BATCH);
    call('enrich/thumbnails', { ids: part.map(([id]) => id) }).then(
      ({ images }) => part.forEach(([id, resolve]) => resolve(images[id] ?? null)),
      () =>
        part.forEach(([id, resolve]) => {
          // The generated thumbnail stays; the next render asks again.
          kept.delete(id);
          resolve(null);
        }),
    );
  }
}

/** After `enrich/delete-thumbnails`: cards drawn from now on ask again (and find none). */
export function forgetStoredThumbnails(): void {
  kept.clear();
}

function thumbnailOf(id: string, version: number): Promise<string | null> {
  if (version !== keptVersion) {
    kept.clear();
    keptVersion = version;
  }
  const known = kept.get(id);
  if (known) return known;
  const asked = new Promise<string | null>((resolve) => waiting.set(id, resolve));
  kept.set(id, asked);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  timer ??= setTimeout(send, 0);
  return asked;
}

/**
 * The video's downloaded thumbnail as a data: URL, or null: none, not yet answered, or the call
 * failed. While the data changes the previous image stays until the new answer arrives.
 */
export function useStoredThumbnail(id: string | null): string | null {
  const version = useDataVersion();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) return;
    let current = true;
    void thumbnailOf(id, version).then((answer) => {
      if (current) setSrc(answer);
    });
    return () => {
      current = false;
    };
  }, [id, version]);
  return id === null ? null : src;
}
