// MAX_EVENTS is counted as each event is read, not after: a file with too many events fails
// while its first over-the-limit record is parsed, before the rest of them fill memory.
import { badInput, type Where } from './errors';
import { MAX_EVENTS } from './limits';

export class EventBudget {
  private used = 0;

  /** `max` is MAX_EVENTS; tests lower it to reach the limit with a small file. */
  constructor(readonly max = MAX_EVENTS) {}

  /** Counts one more event from `fileName`; past `max`, the import fails with one line. */
  take(fileName: string, where: Where = {}): void {
    this.used += 1;
    if (this.used > this.max) {
      throw badInput(
        fileName,
        `holds more than ${this.max.toLocaleString('en-US')} events, the most one import takes`,
        where,
      );
    }
  }
}
