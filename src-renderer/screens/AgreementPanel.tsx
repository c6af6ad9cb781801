import { useCall } from '../api/use-call';
import { AgreementChart } from '../charts/AgreementChart';
import { agreementWords } from '../explain/agreement-sentence';
import { formatPercent } from '../format';
import type { EngineSettings } from '../settings';
import { Status } from './Status';

/** Agreement with the real feed: did the videos TikTok showed next rank in Feedlens's top 20? */
export function AgreementPanel({
  datasetId,
  settings,
}: {
  datasetId: string;
  /** null: not yet (it waits while the Feed's first answer is built). */
  settings: EngineSettings | null;
}) {
  const agreement = useCall('feed/agreement', settings && { datasetId, k: 20, ...settings });
  return (
    <section aria-labelledby="agreement-title" className="agreement">
      <h3 id="agreement-title">Agreement with your real feed</h3>
      <Status state={agreement}>
        {(a) => {
          const words = agreementWords(a);
          return (
            <>
              {a.sessions.length > 0 && (
                <p className="headline" data-testid="agreement-figure">
                  <strong>{formatPercent(a.hitRate)}</strong> hit rate in the top {a.k}{' '}
                  <span className="muted">
                    (chance {formatPercent(a.chance)}; NDCG {a.ndcg.toFixed(2)})
                  </span>
                </p>
              )}
              <p data-testid="agreement-sentence">{words.headline}</p>
              <p className="muted">{words.caveat}</p>
              {a.sessions.length > 0 && <AgreementChart agreement={a} />}
            </>
          );
        }}
      </Status>
    </section>
  );
}
