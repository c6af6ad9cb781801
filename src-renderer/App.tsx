import { useEffect, useState } from 'react';
import { on } from './api/client';
import { useCall } from './api/use-call';
import { AuditScreen } from './screens/AuditScreen';
import { DatasetsScreen } from './screens/DatasetsScreen';
import { FeedScreen } from './screens/FeedScreen';
import { ImportScreen } from './screens/ImportScreen';
import { ProfileScreen } from './screens/ProfileScreen';
import { Status } from './screens/Status';
import { DEFAULT_SETTINGS, SettingsPanel, type EngineSettings } from './settings';

const SCREENS = [
  { id: 'profile', label: 'Profile' },
  { id: 'feed', label: 'Feed' },
  { id: 'audit', label: 'Audit' },
  { id: 'import', label: 'Import' },
  { id: 'datasets', label: 'Datasets' },
] as const;
type ScreenId = (typeof SCREENS)[number]['id'];

export function App() {
  const [refresh, setRefresh] = useState(0);
  useEffect(() => on('datasets/changed', () => setRefresh((n) => n + 1)), []);
  const datasets = useCall('datasets/list', {}, refresh);
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [screen, setScreen] = useState<ScreenId>('profile');
  const [settings, setSettings] = useState<EngineSettings>(DEFAULT_SETTINGS);

  const chosen =
    datasets.status === 'ready'
      ? (datasets.value.find((d) => d.id === datasetId) ?? datasets.value[0] ?? null)
      : null;

  return (
    <div className="app">
      <header className="top">
        <h1>Feedlens</h1>
        <nav aria-label="Screens" className="tabs">
          {SCREENS.map((s) => (
            <button
              key={s.id}
              type="button"
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={() => setScreen(s.id)}
            >
              {s.label}
            </button>
          ))}
        </nav>
        <Status state={datasets}>
          {(list) => (
            <label className="dataset-picker">
              Dataset{' '}
              <select value={chosen?.id ?? ''} onChange={(e) => setDatasetId(e.target.value)}>
                {list.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({d.eventCount} events)
                  </option>
                ))}
              </select>
            </label>
          )}
        </Status>
      </header>
      {(screen === 'profile' || screen === 'feed' || screen === 'audit') && (
        <SettingsPanel settings={settings} onChange={setSettings} />
      )}
      <main>
        {screen === 'import' ? (
          <ImportScreen
            onImported={(id) => {
              setDatasetId(id);
              setRefresh((n) => n + 1);
            }}
          />
        ) : screen === 'datasets' ? (
          <Status state={datasets}>{(list) => <DatasetsScreen datasets={list} />}</Status>
        ) : chosen === null ? (
          datasets.status === 'ready' && <p>No dataset yet: import one on the Import screen.</p>
        ) : screen === 'profile' ? (
          <ProfileScreen datasetId={chosen.id} settings={settings} />
        ) : screen === 'audit' ? (
          <AuditScreen datasetId={chosen.id} settings={settings} />
        ) : (
          <FeedScreen datasetId={chosen.id} settings={settings} />
        )}
      </main>
    </div>
  );
}
