import { useState } from 'react';
import type { EnrichSettings } from '@main/contract/enrich';
import { call } from '../api/client';
import { useCall } from '../api/use-call';
import { forgetStoredThumbnails } from '../cards/stored-thumbnails';
import { countOf } from '../format';
import { Status } from '../screens/Status';

/**
 * Where online lookups go, how fast, and whether thumbnails are downloaded: behind "Advanced"
 * (tests and mirrors change the first two; the consent screen also asks the third).
 */
export function OnlineSettings() {
  const [saved, setSaved] = useState(0);
  const current = useCall('enrich/settings', {}, saved);
  return (
    <details className="advanced">
      <summary>Advanced: where online lookups go</summary>
      <Status state={current}>
        {(settings) => (
          <>
            <SettingsForm
              key={JSON.stringify(settings)}
              settings={settings}
              onSaved={() => setSaved((n) => n + 1)}
            />
            {saved > 0 && (
              <p role="status" className="muted">
                Saved: lookups go to {settings.baseUrl}, at most {settings.ratePerSecond} a second;
                thumbnails {settings.thumbnails ? 'are downloaded' : 'are not downloaded'}.
              </p>
            )}
            <DeleteThumbnails />
          </>
        )}
      </Status>
    </details>
  );
}

function SettingsForm({ settings, onSaved }: { settings: EnrichSettings; onSaved: () => void }) {
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [rate, setRate] = useState(String(settings.ratePerSecond));
  const [thumbnails, setThumbnails] = useState(settings.thumbnails);
  const [error, setError] = useState<string | null>(null);
  async function save(event: React.FormEvent) {
    event.preventDefault();
    try {
      await call('enrich/settings', { baseUrl, ratePerSecond: Number(rate), thumbnails });
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <form className="settings-grid" onSubmit={(e) => void save(e)}>
      <label>
        oEmbed endpoint
        <input
          type="url"
          required
          size={40}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </label>
      <label>
        Requests a second, at most
        <input
          type="number"
          required
          min={0.1}
          max={100_000}
          step="any"
          className="minutes"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={thumbnails}
          onChange={(e) => setThumbnails(e.target.checked)}
        />{' '}
        Download thumbnails from TikTok’s image servers (another host than oEmbed)
      </label>
      <button type="submit">Save</button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </form>
  );
}

/** Forgets every downloaded thumbnail: the cards show their generated ones again. */
function DeleteThumbnails() {
  const [said, setSaid] = useState<string | null>(null);
  async function remove() {
    try {
      const { deleted } = await call('enrich/delete-thumbnails', {});
      forgetStoredThumbnails();
      setSaid(`Deleted ${countOf(deleted, 'thumbnail')}.`);
    } catch (e) {
      setSaid((e as Error).message);
    }
  }
  return (
    <p>
      <button type="button" onClick={() => void remove()}>
        Delete downloaded thumbnails
      </button>{' '}
      {said && (
        <span role="status" className="muted">
          {said}
        </span>
      )}
    </p>
  );
}
