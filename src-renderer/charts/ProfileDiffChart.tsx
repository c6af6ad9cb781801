import { useMemo, type MouseEvent } from 'react';
import { topicColour, topicLabel, type TopicTable } from '../cards/card-look';
import { profileDiffSentence } from '../explain/side-by-side';
import { countOf, formatTime, getDisplayZone } from '../format';
import { ChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';
import { nearestIndex } from './nearest';
import { DIFF_MARGIN, profileDiffModel, type DiffPoint } from './profile-diff-math';
import { DIFF_SIZE, ProfileDiffSvg } from './ProfileDiffSvg';

/**
 * The profile difference over time: per topic, the changed replay's weight minus the recorded
 * one's at each slate, with the shown slate marked. Its numbers are also a table.
 */
export function ProfileDiffChart({
  points,
  selected,
  onSelect,
  topics,
}: {
  points: readonly DiffPoint[];
  /** The slate the feeds beside it show. */
  selected: number;
  /** A click in the plot shows that slate's feeds. */
  onSelect: (slate: number) => void;
  /** The taxonomy (`TOPIC_TABLE`), passed in as card-look.ts takes it (the SVG renders in tests). */
  topics: TopicTable;
}) {
  const zone = getDisplayZone();
  const model = useMemo(() => profileDiffModel(points, DIFF_SIZE, zone), [points, zone]);
  const name = (topic: string) => topicLabel(topics, topic);
  // A click picks the slate drawn nearest to it (the slate list above is the keyboard's way).
  function select(event: MouseEvent<SVGSVGElement>) {
    // The SVG scales with its width (viewBox): from the pointer to the plot's own x.
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * DIFF_SIZE.width - DIFF_MARGIN.left;
    const slate = nearestIndex(model.xs, x);
    if (slate >= 0) onSelect(slate);
  }
  return (
    <ChartFrame
      id="what-if-profile-difference"
      title="How the profile differs over time"
      sentence={profileDiffSentence(
        model.series,
        points.map((p) => p.atMs),
        name,
        (ms) => formatTime(ms, 'minute'),
      )}
      n={`n = ${countOf(points.length, 'slate')}`}
      about="At each slate, every topic weight of the changed replay minus the recorded one's (above 0: the changed past likes that topic more). The five topics that differ most at any slate are drawn; the dashed line marks the slate whose feeds are shown side by side; click the chart to show another."
    >
      <ProfileDiffSvg model={model} selected={selected} topics={topics} onClick={select} />
      {model.series.length > 0 && (
        <p className="legend">
          {model.series.map((s) => (
            <span key={s.topic}>
              <span className="swatch" style={{ background: topicColour(topics, s.topic) }} />
              {name(s.topic)}{' '}
            </span>
          ))}
        </p>
      )}
      <ChartTable summary="The numbers as a table">
        {() => (
          <table className="metrics">
            <thead>
              <tr>
                <th scope="col">Slate</th>
                {model.series.map((s) => (
                  <th key={s.topic} scope="col">
                    {name(s.topic)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={p.atMs}>
                  <td>{formatTime(p.atMs, 'minute')}</td>
                  {model.series.map((s) => (
                    <td key={s.topic}>{s.values[i]!.toFixed(3)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartTable>
    </ChartFrame>
  );
}
