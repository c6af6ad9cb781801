// The import this page started, remembered across a reload (localStorage: the page that gets the
// events can be gone before they come). Written when the copy starts, given its job id when
// `import/start` answers, cleared when the import ends and the page has said how.

/** What the page knew of its import: the name shown, and the job once the main side started it. */
export type PendingImport = { name: string; path: string | null; jobId: string | null };

const KEY = 'feedlens.pending-import';

export function rememberImport(pending: PendingImport): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(pending));
  } catch {
    // Storage refused (a private window, a full disk): a reload then says nothing, as before.
  }
}

export function forgetImport(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}

export function pendingImport(): PendingImport | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<PendingImport>;
    return typeof value.name === 'string'
      ? { name: value.name, path: value.path ?? null, jobId: value.jobId ?? null }
      : null;
  } catch {
    return null;
  }
}
