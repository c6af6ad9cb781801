import type { enrichCalls } from '../../contract/enrich';
import { writeSettings } from '../../enrich/settings';
import {
  addMetadataFile,
  attachDatasetAsMetadata,
  cancelEnrich,
  deleteAllThumbnails,
  enrichCoverage,
  enrichNow,
  enrichPlan,
  markMovedMetadataSeen,
  metadataFiles,
  movedMetadataNotice,
  removeMetadataFile,
  startEnrich,
  thumbnailImages,
} from '../../operations/enrich';
import type { Handlers } from '../handler';

export const enrichHandlers: Pick<Handlers, keyof typeof enrichCalls> = {
  'enrich/plan': ({ datasetId }, ctx) => enrichPlan(ctx, datasetId),
  'enrich/coverage': ({ datasetId }, ctx) => enrichCoverage(ctx, datasetId),
  'enrich/settings': (change, ctx) => writeSettings(ctx.db, change),
  'enrich/start': ({ datasetId }, ctx) => startEnrich(ctx, datasetId),
  'enrich/cancel': ({ jobId }) => cancelEnrich(jobId),
  'enrich/run': ({ datasetId }, ctx) => enrichNow(ctx, datasetId),
  'enrich/thumbnails': ({ ids }, ctx) => thumbnailImages(ctx, ids),
  // No `datasets/changed`: nothing the engine reads changed (the renderer forgets its images).
  'enrich/delete-thumbnails': (_args, ctx) => deleteAllThumbnails(ctx),
  'enrich/file': ({ path, datasetId }, ctx) => addMetadataFile(ctx, path, datasetId),
  'enrich/dataset-as-metadata': ({ datasetId, fromDatasetId }, ctx) =>
    attachDatasetAsMetadata(ctx, datasetId, fromDatasetId),
  'enrich/moved-notice': (_args, ctx) => movedMetadataNotice(ctx),
  'enrich/moved-seen': (_args, ctx) => markMovedMetadataSeen(ctx),
  'enrich/files': ({ datasetId }, ctx) => metadataFiles(ctx, datasetId),
  'enrich/remove-file': ({ fileId }, ctx) => removeMetadataFile(ctx, fileId),
};
