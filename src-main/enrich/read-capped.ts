// Reading an HTTP answer with a size cap: oEmbed answers and thumbnail images come from servers we
// do not control, so a huge or endless body is never held whole.

/** The body, or null as soon as it passes `max` bytes (a declared length over it is not read). */
export async function readCapped(response: Response, max: number): Promise<Buffer | null> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
