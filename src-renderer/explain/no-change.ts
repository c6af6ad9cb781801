// Why a signal moved nothing, in words (ProfileDelta.noChange), so the signal log never just
// says "no change".
import type { NoChange } from '@main/engine';

export function noChangePhrase(reason: NoChange): string {
  switch (reason) {
    case 'control':
      return 'no change to the profile: a control steers the feed, not the interests';
    case 'loaded-not-seen':
      return 'no change: the page loaded this video, which does not mean you saw it';
    case 'not-counted':
      return 'no change: this kind of evidence counts ×0 in the engine settings';
    case 'impression':
      return 'no change: being shown a video only marks it as seen';
    case 'unknown-video':
      return 'no change: nothing is known about this video yet';
    case 'nothing-matched':
      return 'no change: nothing in it names a known topic, creator or term';
  }
}
