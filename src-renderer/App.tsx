import { useEffect, useState } from 'react';
import type { ImportSummary } from '@main/contract/import';
import { on } from './api/client';
import { DataVersion } from './api/data-version';
import { datasetLabels } from './explain/dataset-labels';
import { getDisplayZone, setDisplayZone, type DisplayZone } from './format';
import { useCall } from './api/use-call';
import { MetadataScreen, type MetadataFocus } from './enrich/MetadataScreen';
import { useEnrichJob } from './enrich/use-enrich-job';
import { AuditScreen } from './screens/AuditScreen';
import { CoverageStrip } from './screens/CoverageStrip';
import { DatasetsScreen } from './screens/DatasetsScreen';
import { DemoNotice } from './screens/DemoNotice';
import { FeedScreen } from './screens/FeedScreen';
import { LabScreen } from './lab/LabScreen';
import { ImportScreen } from './screens/ImportScreen';
import { ProfileScreen } from './screens/ProfileScreen';
import { Status } from './screens/Status';
import { ViewingScreen } from './screens/ViewingScreen';
import { DEFAULT_SETTINGS, SettingsPanel, type EngineSettings } from './settings';

const SCREENS = [
  { id: 'viewing', label: 'Viewing' },
  { id: 'profile', label: 'Profile' },
  { id: 'feed', label: 'Feed' },
  { id: 'lab', label: 'Lab' },
  { id: 'audit', label: 'Audit' },
  { id: 'metadata', label: 'Metadata' },
  { id: 'import', label: 'Import' },
  { id: 'datasets', label: 'Datasets' },
] as const;
type ScreenId = (typeof SCREENS)[number]['id'];

export function App() {
  // Every writer (import, delete, enrichment) pushes `datasets/changed`; every call refetches.
  const [version, setVersion] = useState(0);
  useEffect(() => on('datasets/changed', () => setVersion((n) => n + 1)), []);
  const datasets = useCall('datasets/list', {}, version);
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [screen, setScreen] = useState<ScreenId>('profile');
  const [metadataFocus, setMetadataFocus] = useState<MetadataFocus>(null);
  // The import that just made a dataset: its overview opens with what the import read.
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const [settings, setSettings] = useState<EngineSettings>(DEFAULT_SETTINGS);
  const enrich = useEnrichJob();
  const [zone, setZone] = useState<DisplayZone>(getDisplayZone());
  const chooseZone = (next: DisplayZone) => {
    setDisplayZone(next);
    setZone(next);
  };

  const chosen =
    datasets.status === 'ready'
      ? (datasets.value.find((d) => d.id === datasetId) ?? datasets.value[0] ?? null)
      : null;
  const go = (next: ScreenId) => {
    setMetadataFocus(null);
    setImported(null);
    setScreen(next);
  };
  const toMetadata = (focus: MetadataFocus) => {
    setMetadataFocus(focus);
    setScreen('metadata');
  };
  const onDatasetScreen = screen !== 'import' && screen !== 'datasets' && screen !== 'lab';
  // Screens are keyed by dataset: a moment or page picked in one dataset means nothing in another.

  return (
    <DataVersion.Provider value={version}>
      <div className="app">
        <header className="top">
          <h1>Feedlens</h1>
          <nav aria-label="Screens" className="tabs">
            {SCREENS.map((s) => (
              <button
                key={s.id}
                type="button"
                aria-current={screen === s.id ? 'page' : undefined}
                onClick={() => go(s.id)}
              >
                {s.label}
              </button>
            ))}
          </nav>
          <Status state={datasets}>
            {(list) => (
              <label className="dataset-picker">
                Dataset{' '}
                <select
                  value={chosen?.id ?? ''}
                  onChange={(e) => {
                    setImported(null);
                    setDatasetId(e.target.value);
                  }}
                >
                  {[...datasetLabels(list, zone)].map(([id, label]) => (
                    <option key={id} value={id}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </Status>
          <label className="zone-picker">
            Times{' '}
            <select value={zone} onChange={(e) => chooseZone(e.target.value as DisplayZone)}>
              <option value="local">your time zone</option>
              <option value="UTC">UTC</option>
            </select>
          </label>
        </header>
        {onDatasetScreen && chosen && (
          <CoverageStrip
            datasetId={chosen.id}
            job={enrich.job}
            {...(screen === 'metadata' ? {} : { onAddMetadata: () => toMetadata(null) })}
          />
        )}
        {chosen?.kind === 'demo' && onDatasetScreen && screen !== 'metadata' && (
          <DemoNotice onImport={() => go('import')} />
        )}
        {(screen === 'profile' || screen === 'feed' || screen === 'audit') && (
          <SettingsPanel settings={settings} onChange={setSettings} />
        )}
        <main>
          {screen === 'lab' ? (
            <LabScreen />
          ) : screen === 'import' ? (
            <ImportScreen
              onImported={(summary) => {
                setDatasetId(summary.datasetId);
                setVersion((n) => n + 1);
                // A new history lands on its own overview; a capture (what pages loaded, not what
                // was watched), a file imported before and an export with files waiting for the
                // person's choice of section stay with their summary here.
                const waiting = summary.files.some((f) => f.state === 'needs-choice');
                if (!summary.alreadyImported && summary.kind !== 'zeeschuimer' && !waiting) {
                  setMetadataFocus(null);
                  setScreen('viewing');
                  setImported(summary);
                }
              }}
              onAddMetadata={() => toMetadata(null)}
            />
          ) : screen === 'datasets' ? (
            <Status state={datasets}>
              {(list) => (
                <DatasetsScreen
                  datasets={list}
                  onMetadata={(id) => {
                    setDatasetId(id);
                    toMetadata(null);
                  }}
                />
              )}
            </Status>
          ) : chosen === null ? (
            datasets.status === 'ready' && (
              <p className="notice" role="note">
                No dataset yet: import your TikTok export or a capture.{' '}
                <button type="button" onClick={() => go('import')}>
                  Import
                </button>
              </p>
            )
          ) : screen === 'viewing' ? (
            <ViewingScreen
              key={chosen.id}
              dataset={chosen}
              zone={zone}
              imported={imported?.datasetId === chosen.id ? imported : null}
              onAddMetadata={() => toMetadata(null)}
            />
          ) : screen === 'profile' ? (
            <ProfileScreen
              key={chosen.id}
              dataset={chosen}
              settings={settings}
              onSettings={setSettings}
              onMetadata={toMetadata}
            />
          ) : screen === 'audit' ? (
            <AuditScreen
              key={chosen.id}
              dataset={chosen}
              settings={settings}
              onMetadata={toMetadata}
            />
          ) : screen === 'metadata' ? (
            <MetadataScreen
              key={`${chosen.id}:${metadataFocus}`}
              dataset={chosen}
              focus={metadataFocus}
              enrich={enrich}
            />
          ) : (
            <FeedScreen
              key={chosen.id}
              dataset={chosen}
              settings={settings}
              onSettings={setSettings}
              onMetadata={toMetadata}
            />
          )}
        </main>
      </div>
    </DataVersion.Provider>
  );
}
