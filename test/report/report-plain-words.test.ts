// The report of a real-shaped export without metadata, in plain words (issue 19 item 6): its
// charts name sounds, effects and numeric hashtags by kind (the last digits tell two apart), not
// by their 19-digit keys or links, and it names no CLI command.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src-main/api/router';
import { startApp } from '../../src-main/app';
import { collectReport } from '../../src-main/report/collect';
import { renderReport } from '../../src-main/report/html';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const app = startApp({ shell: 'cli', db: tempDbPath(), now: () => FIXED_NOW, withoutDemo: true });
afterAll(() => app.close());

describe('the report of an export without metadata', () => {
  it('names no sound, effect or hashtag by its key, and no command', async () => {
    const summary = unwrap(
      await app.router.invoke('import/run', {
        path: join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json'),
      }),
    );
    const data = collectReport(app.ctx, {
      datasetId: summary.datasetId,
      preset: 'tiktok-algo101',
      seed: 0,
    });
    // Its strongest dimensions are topics (from its hashtags and searches); a bare export's
    // favourite sounds and effects are keyed by id and link, as these two.
    const values = data.profile[0]!.values;
    const html = renderReport({
      ...data,
      profile: [
        { dim: 'sound:7906123456789015123', values },
        { dim: 'effect:https://www.tiktok.com/sticker/x-1234567', values },
        ...data.profile,
      ],
    });
    expect(html).not.toMatch(/\b(sound|hashtag):\d{5,}|effect:https?:/);
    expect(html).not.toMatch(/feedlens [a-z]+ --/);
    expect(html).toMatch(/>an effect</);
    expect(html).toMatch(/>a sound …5123</);
  }, 60_000);
});
