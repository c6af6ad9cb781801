import { useEffect, useRef, useState } from 'react';
import type { EnrichPlan } from '@main/contract/enrich';
import { call } from '../api/client';
import { useCall } from '../api/use-call';
import { countOf, formatCount, formatDuration } from '../format';
import { Status } from '../screens/Status';

/**
 * Before anything leaves the machine: what is sent (video ids only), to whom, how many requests,
 * how long, and what comes back; and, as its own choice, whether thumbnails are downloaded from
 * TikTok's image servers (kept as the `thumbnails` setting). Nothing is sent unless the person
 * presses the send button.
 * A modal <dialog>: focus starts on the heading, Esc (or "Go back") closes it.
 */
export function ConsentDialog({
  datasetId,
  onConsent,
  onBack,
}: {
  datasetId: string;
  onConsent: () => void;
  onBack: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const plan = useCall('enrich/plan', { datasetId });
  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
    heading.current!.focus();
    return () => element.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="consent"
      aria-labelledby="consent-title"
      data-testid="consent"
      onCancel={(e) => {
        e.preventDefault();
        onBack();
      }}
    >
      <h3 id="consent-title" ref={heading} tabIndex={-1}>
        Fetch captions and creators from TikTok?
      </h3>
      <Status state={plan}>
        {(value) => <PlanText plan={value} onConsent={onConsent} onBack={onBack} />}
      </Status>
      {plan.status !== 'ready' && (
        <button type="button" onClick={onBack}>
          Go back
        </button>
      )}
    </dialog>
  );
}

function PlanText({
  plan,
  onConsent,
  onBack,
}: {
  plan: EnrichPlan;
  onConsent: () => void;
  onBack: () => void;
}) {
  const [thumbnails, setThumbnails] = useState(plan.settings.thumbnails);
  const [error, setError] = useState<string | null>(null);
  const back = (
    <button type="button" onClick={onBack}>
      Go back
    </button>
  );
  async function send() {
    try {
      if (thumbnails !== plan.settings.thumbnails) await call('enrich/settings', { thumbnails });
      onConsent();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  if (plan.requests === 0) {
    return (
      <>
        <p>
          Nothing to fetch: every video of this dataset has a caption or a creator
          {plan.alreadyAsked > 0
            ? `, or was asked about before (${countOf(plan.alreadyAsked, 'video')}; never asked twice)`
            : ''}
          .
        </p>
        <p>{back}</p>
      </>
    );
  }
  return (
    <>
      <dl className="facts" data-testid="consent-plan">
        <dt>What is sent</dt>
        <dd>
          Only video ids, one per request. Nothing else from your export (no watch history,
          searches, likes or account name) leaves this machine.
        </dd>
        <dt>To whom</dt>
        <dd>
          <strong>{plan.host}</strong>, which, like any website, also sees this computer’s IP
          address{thumbnails ? '; and TikTok’s image servers, for the thumbnails (below)' : ''}.
        </dd>
        <dt>How many</dt>
        <dd>
          {countOf(plan.requests, 'request')}, for the {countOf(plan.missing, 'video')} without a
          caption or creator
          {plan.alreadyAsked > 0
            ? ` (${formatCount(plan.alreadyAsked)} asked before are not asked again)`
            : ''}
          .
        </dd>
        <dt>How long</dt>
        <dd>
          {formatDuration(plan.estimatedS)}, at most {formatCount(plan.settings.ratePerSecond)}{' '}
          {plan.settings.ratePerSecond === 1 ? 'request' : 'requests'} a second.
        </dd>
        {plan.example !== null && (
          <>
            <dt>Example request</dt>
            <dd>
              <code className="url" data-testid="consent-example">
                {plan.example}
              </code>
              {askedAbout(plan.example) && (
                <span className="muted"> (that is, the video {askedAbout(plan.example)})</span>
              )}
            </dd>
          </>
        )}
        <dt>What comes back</dt>
        <dd>
          Each video’s caption (with its hashtags), its creator’s handle and a thumbnail URL.
          Deleted and private videos are recorded as such.
        </dd>
      </dl>
      <fieldset className="consent-thumbnails" data-testid="consent-thumbnails">
        <legend>Thumbnails: a separate choice</legend>
        <label>
          <input
            type="checkbox"
            checked={thumbnails}
            onChange={(e) => setThumbnails(e.target.checked)}
          />{' '}
          Also download each found video’s thumbnail image
        </label>
        <p className="muted">
          One more request per video found, to TikTok’s image servers (hosts ending in{' '}
          {plan.thumbnailHosts.join(', ')}), not {plan.host}. They too see this computer’s IP
          address, and which thumbnails are asked for. Each image is kept in this database so its
          card can show it; nothing is loaded from TikTok afterwards. Off unless you tick it.
        </p>
      </fieldset>
      <p>
        This is off by default: nothing has been sent, and nothing will be until you press the
        button. You can cancel at any time; what was fetched is kept.
      </p>
      <p className="actions">
        <button type="button" className="primary" onClick={() => void send()}>
          Send {countOf(plan.requests, 'request')} to {plan.host}
          {thumbnails ? ' and download thumbnails' : ''}
        </button>{' '}
        {back}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

/** The video link inside an oEmbed request (its `url` parameter), decoded for reading. */
function askedAbout(example: string): string | null {
  try {
    return new URL(example).searchParams.get('url');
  } catch {
    return null;
  }
}
