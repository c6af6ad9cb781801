import { useCall } from '../api/use-call';
import { AgreementChart } from '../charts/AgreementChart';
import { agreementWords, intervalWords } from '../explain/agreement-sentence';
import { countOf, formatPercent } from '../format';
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
          // A figure that luck would match, or that rests on a handful of sessions, is greyed
          // rather than shown in bold: the caution beside it says why.
          const greyed = words.caution !== null;
          const figure = formatPercent(a.hitRate);
          return (
            <>
              {a.sessions.length > 0 && (
                <p
                  className={greyed ? 'headline muted' : 'headline'}
                  data-testid="agreement-figure"
                  data-greyed={greyed}
                >
                  {greyed ? figure : <strong>{figure}</strong>} hit rate in the top {a.k}{' '}
                  <span className="muted">
                    ({intervalWords(a)}; chance {formatPercent(a.chance)}; NDCG {a.ndcg.toFixed(2)};
                    n = {countOf(a.sessions.length, 'session')}, {countOf(a.compared, 'video')})
                  </span>
                </p>
              )}
              {words.caution && (
                <p className="notice" role="note" data-testid="agreement-caution">
                  {words.caution}
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
