// A synthetic G3 TikTok export of any size, written in a stream (for the bench, the SIGKILL test
// and the fuzz seeds). Deterministic: the same n gives the same bytes. No personal data.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const pad = (n: number) => String(n).padStart(2, '0');
const tiktokDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Writes `n` watch entries (newest first, gaps of 0–20 s, a break every 500) and n/50 likes. */
export async function writeG3Export(
  path: string,
  n: number,
  endMs = Date.UTC(2025, 5, 1),
): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  const videoId = (atMs: number) =>
    (
      (BigInt(Math.floor(atMs / 1000) - 86_400 * (next() % 30)) << 32n) |
      BigInt(next() % 4096)
    ).toString();
  await write('{"Your Activity":{"Watch History":{"VideoList":[\n');
  let at = endMs;
  let lines: string[] = [];
  for (let i = 0; i < n; i++) {
    at -= i % 500 === 499 ? 45 * 60_000 : (next() % 21) * 1000;
    lines.push(
      `{"Date":"${tiktokDate(at)}","Link":"https://www.tiktokv.com/share/video/${videoId(at)}/"}`,
    );
    if (lines.length === 1000 || i === n - 1) {
      await write(lines.join(',\n') + (i === n - 1 ? '\n' : ',\n'));
      lines = [];
    }
  }
  await write(']},"Like List":{"ItemFavoriteList":[');
  const likes: string[] = [];
  for (let i = 0; i < Math.floor(n / 50); i++) {
    const likeAt = endMs - i * 3_600_000;
    likes.push(
      `{"date":"${tiktokDate(likeAt)}","link":"https://www.tiktokv.com/share/video/${videoId(likeAt)}/"}`,
    );
  }
  await write(likes.join(','));
  await write(']}},"App Settings":{"Settings":{"SettingsMap":{}}}}\n');
  out.end();
  await once(out, 'finish');
}
