// Import throughput: a generated G3 export of 1,000,000 watch entries through the real pipeline,
// against a floor measured in the same run: JSON.parse of the same file plus a raw prepared-
// statement insert of the same rows (read back from our import) in one transaction.
// Target: at most 3× the floor's time, peak RSS at most 1.5 GB.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/connection';
import { loadEvents, loadItems } from '../../src-main/db/datasets';
import { runImport } from '../../src-main/import/pipeline';
import { writeG3Export } from '../../test/import/generate-export';
import { figure, type BenchSuite } from './figure';

const ENTRIES = Number(process.env.FEEDLENS_BENCH_IMPORT_ENTRIES ?? 1_000_000);

export const run: BenchSuite = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feedlens-bench-import-'));
  try {
    const file = join(dir, 'user_data_tiktok.json');
    await writeG3Export(file, ENTRIES);
    const rssBefore = process.resourceUsage().maxRSS / 1024;

    const ours = join(dir, 'ours.db');
    const db = openDatabase(ours);
    const start = performance.now();
    const summary = await runImport(db, ours, {
      path: file,
      sessionGapMinutes: 10,
      nowMs: Date.UTC(2026, 0, 1),
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    const oursMs = performance.now() - start;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const items = loadItems(db, summary.datasetId);
    const events = loadEvents(db, summary.datasetId);
    db.close();

    const floorDb = openDatabase(join(dir, 'floor.db'));
    const floorStart = performance.now();
    JSON.parse(readFileSync(file, 'utf8'));
    const insertItem = floorDb.prepare(
      `INSERT INTO items (dataset_id, id, created_at_ms) VALUES ('floor', ?, ?)`,
    );
    const insertEvent = floorDb.prepare(
      `INSERT INTO events (dataset_id, seq, id, at_ms, kind, item_id, target_type, target_value,
         watch_s, watch_ratio, level, evidence, session) VALUES ('floor', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    floorDb.transaction(() => {
      floorDb
        .prepare(
          `INSERT INTO datasets (id, name, kind, created_at) VALUES ('floor', 'floor', 'tiktok-export', '')`,
        )
        .run();
      for (const it of items) insertItem.run(it.id, it.createdAtMs);
      events.forEach((e, seq) =>
        insertEvent.run(
          seq,
          e.id,
          e.atMs,
          e.kind,
          e.itemId,
          null,
          null,
          e.watchS,
          null,
          null,
          e.evidence,
          e.session,
        ),
      );
    })();
    const floorMs = performance.now() - floorStart;
    floorDb.close();

    const perSecond = (ms: number) => summary.eventCount / (ms / 1000);
    return {
      // As a time ratio: how many times the floor's time our import takes (target ≤ 3).
      time: figure(oursMs, 'ms', floorMs, '≤ 3× the floor (JSON.parse + raw insert)', {
        entries: ENTRIES,
        events: summary.eventCount,
        items: summary.itemCount,
        entriesPerSecond: Math.round(perSecond(oursMs)),
        floorEntriesPerSecond: Math.round(perSecond(floorMs)),
        fileMb: Math.round(statSync(file).size / 1024 / 1024),
      }),
      peakRss: figure(peakRssMb, 'MB', null, '≤ 1536 MB', {
        rssBeforeImportMb: Math.round(rssBefore),
      }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
