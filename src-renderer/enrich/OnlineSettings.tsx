import { useState } from 'react';
import type { EnrichSettings } from '@main/api/contract/enrich';
import { call } from '../api/client';
import { useCall } from '../api/use-call';
import { Status } from '../screens/Status';

/** Where online lookups go and how fast: behind "Advanced" (tests and mirrors change them). */
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
                Saved: lookups go to {settings.baseUrl}, at most {settings.ratePerSecond} a second.
              </p>
            )}
          </>
        )}
      </Status>
    </details>
  );
}

function SettingsForm({ settings, onSaved }: { settings: EnrichSettings; onSaved: () => void }) {
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [rate, setRate] = useState(String(settings.ratePerSecond));
  const [error, setError] = useState<string | null>(null);
  async function save(event: React.FormEvent) {
    event.preventDefault();
    try {
      await call('enrich/settings', { baseUrl, ratePerSecond: Number(rate) });
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
      <button type="submit">Save</button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </form>
  );
}
