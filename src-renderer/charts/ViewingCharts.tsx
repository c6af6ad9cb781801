import type { ReactNode } from 'react';
import type { ViewingOverviewResult } from '@main/contract/viewing';
import { SESSION_LENGTH_BINS_MIN } from '@main/engine/viewing';
import {
  daysSentence,
  fullMonths,
  heatmapSentence,
  monthsSentence,
} from '../explain/viewing-sentences';
import { countOf, formatCount, formatMinutes } from '../format';
import { ChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';
import { Heatmap } from './Heatmap';
import { ViewingBars } from './ViewingBars';
import './viewing.css';
import type { BarDatum } from './viewing-bars-math';

/** Where the published average comes from, in every chart that shows it (docs/IMPORT.md). */
export const PUBLISHED_SOURCE =
  '“What makes TikTok tick?”, the article Feedlens starts from: “users spending, on average, more than 850 minutes per month on the app”. An average over all users, reported, not measured from exports.';

/** How a watch time is estimated: the importer's rule (src-main/import/infer.ts), said once. */
export const WATCH_TIME_RULE =
  'A TikTok export records when each video started, not how long it was watched. A video’s watch time is estimated as the gap to the next video in the same session (DataSkop’s rule), at most 10 minutes; the last video of each session has none and counts as zero, so these minutes are, if anything, too low.';

export function Evidence({ kind }: { kind: 'observed' | 'inferred' | 'loaded' | null }) {
  if (kind === null) return null;
  return (
    <span className={`badge evidence ${kind}`} title={EVIDENCE_TITLE[kind]}>
      {kind}
    </span>
  );
}
const EVIDENCE_TITLE = {
  observed: 'Recorded as it happened (here: the start time of each entry).',
  inferred: 'Estimated from the gaps between entries.',
  loaded: 'A page loaded it, which does not prove it was seen.',
} as const;

const minutesTick = (v: number) => formatCount(v);
const countTick = (v: number) => formatCount(v);

/** Every chart of the Viewing screen, each framed: sentence, n, data table, about, save. */
export function ViewingCharts({ o }: { o: ViewingOverviewResult }) {
  const months: BarDatum[] = o.months.map((m) => ({
    key: m.month,
    label: m.month,
    values: [m.minutes],
  }));
  const days: BarDatum[] = o.days.map((d) => ({ key: d.date, label: d.date, values: [d.minutes] }));
  const sessionsPerDay: BarDatum[] = o.days.map((d) => ({
    key: d.date,
    label: d.date,
    values: [d.sessions],
  }));
  const lengths: BarDatum[] = o.sessionLengths.map((n, i) => ({
    key: String(i),
    label: lengthLabel(i),
    values: [n],
  }));
  const activity: BarDatum[] = o.activity.map((a) => ({
    key: a.month,
    label: a.month,
    values: [a.likes, a.shares, a.searches],
  }));
  const totals = o.activity.reduce(
    (t, a) => ({
      likes: t.likes + a.likes,
      shares: t.shares + a.shares,
      searches: t.searches + a.searches,
    }),
    { likes: 0, shares: 0, searches: 0 },
  );
  const minutesEvidence = <Evidence kind={o.minutesEvidence} />;
  return (
    <div className="viewing-charts">
      {o.watches > 0 && (
        <>
          <ChartFrame
            id="viewing-minutes-month"
            title="Minutes per month"
            sentence={monthsSentence(o)}
            n={`n = ${countOf(o.months.length, 'month')}, ${countOf(fullMonths(o).length, 'full month')}`}
            about={
              <>
                <p>{WATCH_TIME_RULE}</p>
                <p>
                  The dashed line is the published average of{' '}
                  {formatCount(o.publishedMinutesPerMonth)} minutes a month: {PUBLISHED_SOURCE}
                </p>
                <p>
                  The first and last months are usually partial: the table says how many days each
                  covers.
                </p>
              </>
            }
          >
            <EvidenceLine>{minutesEvidence} estimated watch time</EvidenceLine>
            <ViewingBars
              data={months}
              label="Estimated minutes watched per month, beside the published average"
              title={(b) => `${b.label}: ${formatMinutes(b.values[0]!)}`}
              tick={minutesTick}
              series={['viewing-minutes']}
              reference={{
                value: o.publishedMinutesPerMonth,
                label: `published average: ${formatCount(o.publishedMinutesPerMonth)} minutes`,
              }}
            />
            <ChartTable>
              {() => (
                <Table
                  testId="viewing-months-table"
                  head={['Month', 'Estimated minutes', 'Videos started', 'Days covered']}
                  rows={o.months.map((m) => [
                    m.month,
                    formatCount(Math.round(m.minutes)),
                    formatCount(m.watches),
                    `${formatCount(m.coveredDays)} of ${formatCount(m.daysInMonth)}`,
                  ])}
                />
              )}
            </ChartTable>
          </ChartFrame>

          <ChartFrame
            id="viewing-minutes-day"
            title="Minutes per day"
            sentence={daysSentence(o)}
            n={`n = ${countOf(o.days.length, 'day')}`}
            about={<p>{WATCH_TIME_RULE} Days without a video are shown as zero.</p>}
          >
            <EvidenceLine>{minutesEvidence} estimated watch time</EvidenceLine>
            <ViewingBars
              data={days}
              label="Estimated minutes watched per day"
              title={(b) => `${b.label}: ${formatMinutes(b.values[0]!)}`}
              tick={minutesTick}
              series={['viewing-minutes']}
            />
            <ChartTable>
              {() => (
                <Table
                  head={['Day', 'Estimated minutes', 'Videos started', 'Sessions']}
                  rows={o.days.map((d) => [
                    d.date,
                    formatCount(Math.round(d.minutes)),
                    formatCount(d.watches),
                    formatCount(d.sessions),
                  ])}
                />
              )}
            </ChartTable>
          </ChartFrame>

          <ChartFrame
            id="viewing-heatmap"
            title="When you watch: weekday × hour"
            sentence={heatmapSentence(o, o.timeZone)}
            n={`n = ${countOf(o.watches, 'video')}`}
            about={
              <p>
                Each square counts the videos started in that hour of that weekday, over the whole
                history, in {o.timeZone} time. The export writes every time in UTC; the zone above
                the charts changes how they are read. Start times are recorded, not estimated.
              </p>
            }
          >
            <EvidenceLine>
              <Evidence kind="observed" /> start times, hours in {o.timeZone}
            </EvidenceLine>
            <Heatmap
              values={o.heatmapWatches}
              label={`Videos started per weekday and hour, in ${o.timeZone}`}
              title={(day, hour, n) =>
                `${day} ${String(hour).padStart(2, '0')}:00: ${countOf(n, 'video')}`
              }
            />
            <ChartTable>
              {() => (
                <Table
                  head={[
                    'Weekday',
                    ...Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
                  ]}
                  rows={['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((day, w) => [
                    day,
                    ...o.heatmapWatches.slice(w * 24, w * 24 + 24).map((n) => formatCount(n)),
                  ])}
                />
              )}
            </ChartTable>
          </ChartFrame>

          <ChartFrame
            id="viewing-sessions-day"
            title="Sessions per day"
            sentence={`${countOf(o.sessions, 'session')} over ${countOf(o.days.length, 'day')}: about ${formatCount(Math.round((10 * o.sessions) / Math.max(1, o.days.length)) / 10)} a day.`}
            n={`n = ${countOf(o.sessions, 'session')}`}
            about={
              <p>
                A session is a run of entries with no pause as long as the gap chosen at import (10
                minutes unless you chose another); it is counted on the day its first video started.
                Only sessions with at least one video are counted.
              </p>
            }
          >
            <EvidenceLine>
              <Evidence kind="observed" /> start times
            </EvidenceLine>
            <ViewingBars
              data={sessionsPerDay}
              label="Sessions per day"
              title={(b) => `${b.label}: ${countOf(b.values[0]!, 'session')}`}
              tick={countTick}
              series={['viewing-sessions']}
            />
            <ChartTable>
              {() => (
                <Table
                  head={['Day', 'Sessions']}
                  rows={o.days.map((d) => [d.date, formatCount(d.sessions)])}
                />
              )}
            </ChartTable>
          </ChartFrame>

          <ChartFrame
            id="viewing-session-lengths"
            title="How long sessions last"
            sentence={lengthsSentence(o.sessionLengths)}
            n={`n = ${countOf(o.sessions, 'session')}`}
            about={
              <p>
                A session lasts from its first entry to its last. The export does not say when you
                stopped watching the last video, so every session is a little longer than shown.
              </p>
            }
          >
            <EvidenceLine>
              <Evidence kind="observed" /> start times
            </EvidenceLine>
            <ViewingBars
              data={lengths}
              label="Sessions by length"
              title={(b) => `${b.label}: ${countOf(b.values[0]!, 'session')}`}
              tick={countTick}
              series={['viewing-sessions']}
            />
            <ChartTable>
              {() => (
                <Table
                  head={['Length', 'Sessions']}
                  rows={o.sessionLengths.map((n, i) => [lengthLabel(i), formatCount(n)])}
                />
              )}
            </ChartTable>
          </ChartFrame>
        </>
      )}

      {o.activity.length > 0 && (
        <ChartFrame
          id="viewing-activity"
          title="Likes, shares and searches per month"
          sentence={`${countOf(totals.likes, 'like')}, ${countOf(totals.shares, 'share')} and ${countOf(totals.searches, 'search', 'searches')} from ${o.activity[0]!.month} to ${o.activity.at(-1)!.month}.`}
          n={`n = ${countOf(o.activity.length, 'month')}`}
          about={
            <p>
              Each like, share and search in the export, counted in the month it happened. These
              lists often reach back years further than the watch history (about six months).
            </p>
          }
        >
          <EvidenceLine>
            <Evidence kind="observed" /> recorded with their dates
          </EvidenceLine>
          <p className="legend">
            {(['likes', 'shares', 'searches'] as const).map((k) => (
              <span key={k}>
                <span className={`swatch viewing-${k}`} />
                {k}
              </span>
            ))}
          </p>
          <ViewingBars
            data={activity}
            label="Likes, shares and searches per month"
            title={(b) =>
              `${b.label}: ${countOf(b.values[0]!, 'like')}, ${countOf(b.values[1]!, 'share')}, ${countOf(b.values[2]!, 'search', 'searches')}`
            }
            tick={countTick}
            series={['viewing-likes', 'viewing-shares', 'viewing-searches']}
          />
          <ChartTable>
            {() => (
              <Table
                head={['Month', 'Likes', 'Shares', 'Searches']}
                rows={o.activity.map((a) => [
                  a.month,
                  formatCount(a.likes),
                  formatCount(a.shares),
                  formatCount(a.searches),
                ])}
              />
            )}
          </ChartTable>
        </ChartFrame>
      )}
    </div>
  );
}

function lengthLabel(bin: number): string {
  const from = SESSION_LENGTH_BINS_MIN[bin]!;
  const to = SESSION_LENGTH_BINS_MIN[bin + 1];
  const words = (m: number) => (m >= 60 ? `${formatCount(m / 60)} h` : `${formatCount(m)} min`);
  if (from === 0) return `under ${words(to!)}`;
  return to === undefined ? `${words(from)} or more` : `${words(from)} to ${words(to)}`;
}

function lengthsSentence(bins: readonly number[]): string {
  const total = bins.reduce((a, b) => a + b, 0);
  if (total === 0) return 'No session with a video.';
  const most = bins.indexOf(Math.max(...bins));
  return `Most often ${lengthLabel(most)} (${countOf(bins[most]!, 'session')} of ${formatCount(total)}).`;
}

function EvidenceLine({ children }: { children: ReactNode }) {
  return <p className="evidence-line muted">{children}</p>;
}

function Table({
  head,
  rows,
  testId,
}: {
  head: readonly string[];
  rows: readonly (readonly string[])[];
  testId?: string;
}) {
  return (
    <table className="metrics" data-testid={testId}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
