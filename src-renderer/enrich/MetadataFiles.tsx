import { useState } from 'react';
import type { MetadataFileSummary, MetadataSource } from '@main/contract/enrich';
import type { DatasetSummary } from '@main/domain/types';
import { call } from '../api/client';
import { useCall } from '../api/use-call';
import { countOf, formatCount } from '../format';
import { Status } from '../screens/Status';

const KINDS: Record<MetadataSource, string> = {
  oembed: 'online lookups',
  zeeschuimer: 'a Zeeschuimer capture',
  ytdlp: 'yt-dlp info JSON',
  csv: 'a metadata CSV',
};

/**
 * The metadata this dataset's feed reads (docs/ENRICH.md, Ownership): its own files and online
 * lookups, and those attached to all datasets, each with its counts and removable; and a capture
 * imported as a dataset, attached in one step.
 */
export function MetadataFiles({ dataset }: { dataset: DatasetSummary }) {
  const files = useCall('enrich/files', { datasetId: dataset.id });
  const datasets = useCall('datasets/list', {});
  const [message, setMessage] = useState<string | null>(null);
  const act = async (work: () => Promise<string>) => {
    try {
      setMessage(await work());
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <section aria-labelledby="metadata-files-title">
      <h3 id="metadata-files-title">Metadata added to this dataset</h3>
      <Status state={files}>
        {({ files: list }) =>
          list.length === 0 ? (
            <p className="muted" data-testid="metadata-files-empty">
              No metadata file added yet.
            </p>
          ) : (
            <ul data-testid="metadata-files">
              {list.map((f) => (
                <FileLine
                  key={f.id}
                  file={f}
                  onRemove={() =>
                    void act(async () => {
                      await call('enrich/remove-file', { fileId: f.id });
                      return `Removed ${f.name}.`;
                    })
                  }
                />
              ))}
            </ul>
          )
        }
      </Status>
      <Status state={datasets}>
        {(all) => {
          const captures = all.filter((d) => d.kind === 'zeeschuimer' && d.id !== dataset.id);
          return captures.length === 0 ? null : (
            <p>
              {captures.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      const r = await call('enrich/dataset-as-metadata', {
                        datasetId: dataset.id,
                        fromDatasetId: c.id,
                      });
                      return `Attached ${countOf(r.records, 'video', 'videos')} of ${c.name}.`;
                    })
                  }
                >
                  Use {c.name}’s videos as metadata for this dataset
                </button>
              ))}
            </p>
          );
        }}
      </Status>
      <p aria-live="polite">{message}</p>
    </section>
  );
}

function FileLine({ file, onRemove }: { file: MetadataFileSummary; onRemove: () => void }) {
  return (
    <li data-testid="metadata-file">
      <strong>{file.name}</strong> ({KINDS[file.source]}
      {file.datasetId === null ? ', attached to all datasets' : ''}): {formatCount(file.inDataset)}{' '}
      of these {countOf(file.records, 'video', 'videos')} {file.inDataset === 1 ? 'is' : 'are'} in
      this dataset.{' '}
      <button type="button" onClick={onRemove} aria-label={`Remove ${file.name}`}>
        Remove
      </button>
    </li>
  );
}
