import { useState } from 'react';
import { METADATA_SOURCES, type MetadataSource } from '@main/contract/enrich';
import type { DatasetSummary } from '@main/domain/types';
import { useCall } from '../api/use-call';
import { formatCount } from '../format';
import { Status } from '../screens/Status';
import { AddMetadataFile } from './AddMetadataFile';
import { MetadataFiles } from './MetadataFiles';
import { MovedNotice } from './MovedNotice';
import { ConsentDialog } from './ConsentDialog';
import { EnrichOutcome, EnrichProgress } from './OnlineRun';
import { OnlineSettings } from './OnlineSettings';
import type { EnrichControls } from './use-enrich-job';

/** Which part of the screen a button elsewhere sent the person to. */
export type MetadataFocus = 'fetch' | 'file' | null;

const SOURCE_LABELS: Record<MetadataSource, string> = {
  oembed: 'TikTok (online)',
  zeeschuimer: 'captures',
  ytdlp: 'yt-dlp files',
  csv: 'CSV files',
};

/** Adding the captions, creators and hashtags an export lacks: online (opt-in) or from a file. */
export function MetadataScreen({
  dataset,
  focus,
  enrich,
}: {
  dataset: DatasetSummary;
  focus: MetadataFocus;
  enrich: EnrichControls;
}) {
  const [asking, setAsking] = useState(focus === 'fetch');
  const coverage = useCall('enrich/coverage', { datasetId: dataset.id });
  const { job } = enrich;
  const ours = job.step !== 'idle' && job.datasetId === dataset.id;
  const busyElsewhere = job.step === 'running' && !ours;
  return (
    <section aria-labelledby="metadata-title">
      <h2 id="metadata-title">Metadata for {dataset.name}</h2>
      <MovedNotice />
      <Status state={coverage}>
        {(c) => (
          <p className="muted" data-testid="metadata-sources">
            From each source:{' '}
            {METADATA_SOURCES.map((s) => `${SOURCE_LABELS[s]} ${formatCount(c.bySource[s])}`).join(
              ' · ',
            )}
            .
          </p>
        )}
      </Status>
      <section aria-labelledby="fetch-title">
        <h3 id="fetch-title">Fetch from TikTok (online, off by default)</h3>
        <p>
          TikTok’s public oEmbed service tells, for one video id at a time, the video’s caption,
          creator and thumbnail. Feedlens asks only after you have seen exactly what would be sent.
        </p>
        {ours && job.step === 'running' ? (
          <EnrichProgress job={job} onCancel={() => void enrich.cancel()} />
        ) : (
          <>
            {ours && job.step === 'finished' && <EnrichOutcome result={job.result} />}
            {ours && job.step === 'failed' && (
              <p role="alert" className="error">
                {job.message}
              </p>
            )}
            <button type="button" disabled={busyElsewhere} onClick={() => setAsking(true)}>
              {ours ? 'Fetch again…' : 'Fetch from TikTok…'}
            </button>
            {busyElsewhere && <span className="muted"> (another dataset’s lookup is running)</span>}
          </>
        )}
        {asking && (
          <ConsentDialog
            datasetId={dataset.id}
            onBack={() => setAsking(false)}
            onConsent={() => {
              setAsking(false);
              void enrich.start(dataset.id);
            }}
          />
        )}
        <OnlineSettings />
      </section>
      <MetadataFiles dataset={dataset} />
      <AddMetadataFile datasetId={dataset.id} focused={focus === 'file'} />
    </section>
  );
}
