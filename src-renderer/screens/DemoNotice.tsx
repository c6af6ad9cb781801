/** Where a TikTok export comes from: the app's own words (docs/IMPORT.md, "Getting your export"). */
export function WhereToGetExport() {
  return (
    <p>
      In the TikTok app: Profile → ☰ → Settings and privacy → Account → Download your data. Choose
      JSON (TXT works too) and request the file; TikTok takes from a few hours to a few days to
      prepare it, then offers it for download on the same page. Feedlens reads the zip as it comes.
    </p>
  );
}

/**
 * Said on every screen that shows the demo: it is synthetic, whose it is, and the way to one's
 * own data. The first open lands here.
 */
export function DemoNotice({ onImport }: { onImport: () => void }) {
  return (
    <section className="notice demo-notice" aria-label="About the demo" data-testid="demo-notice">
      <p>
        <strong>This is the demo:</strong> a week of viewing by a sample person, made up for
        Feedlens. Its videos, captions and creators are synthetic; no real account is behind them.
      </p>
      <button type="button" className="primary" onClick={onImport}>
        Import your TikTok export
      </button>
      <details>
        <summary>Where to get your export</summary>
        <WhereToGetExport />
      </details>
    </section>
  );
}
