// The audit report as one self-contained HTML document: inline CSS, charts as inline SVG, no
// script, no font, no image, no link that loads anything. A Content-Security-Policy of
// default-src 'none' makes the browser refuse any request the markup might still make.
import { AMPLIFICATION_THRESHOLD, FIDELITY_DEPTH } from '../engine';
import { fidelityVerdict } from '../explain';
import { isoUtc } from '../engine/format';
import { barChart, lineChart } from './chart-math';
import { REMOVALS_SHOWN, type ReportData, type SlateDecisions } from './report-data';
import { barChartSvg, escapeHtml as e, lineChartSvg } from './svg';
import { REPORT_CSS } from './style';

const WIDTH = 760;
const fixed = (digits: number) => (v: number) => v.toFixed(digits);
const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const day = (ms: number) => isoUtc(ms).slice(0, 10);
// An explicit locale: the same report on every machine.
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

export function renderReport(data: ReportData): string {
  const p = data.provenance;
  const period =
    data.timesMs.length > 0
      ? `${day(data.timesMs[0]!)} to ${day(data.timesMs.at(-1)!)}`
      : 'no slates';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feedlens audit report: ${e(p.datasetName)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>Audit report: ${e(p.datasetName)}</h1>
<p class="lead">${plural(data.events, 'event')} replayed through the Feedlens glass-box recommender, with a slate of recommendations at each of ${plural(data.slates, 'session start')} (${period}, UTC).</p>
<p class="caveat-box">Every chart and number here comes from the <strong>Feedlens model</strong>, an open approximation built from published descriptions of TikTok-style recommenders. It is <strong>not TikTok’s</strong> algorithm and does not show what TikTok computed.</p>
</header>
${section('Provenance', provenanceTable(data))}
${section('How the profile evolved', profileSection(data))}
${section('Signal mix', signalSection(data))}
${section('Top drivers', driverSection(data))}
${section('What each rule did', rulesTable(data))}
${section('The last slate, explained', data.decisions ? decisionsSection(data.decisions) : '<p>No slate was built.</p>')}
${section('Counterfactuals', counterfactualSection(data))}
${section('Do the explanations hold?', fidelitySection(data))}
${section('Metrics', metricsSection(data))}
<footer>Reproducible: a report of the same input with the same preset (${e(p.preset)}) and seed (${p.seed}) is this file byte for byte.</footer>
</body>
</html>
`;
}

function section(title: string, body: string): string {
  return `<section><h2>${e(title)}</h2>${body}</section>`;
}

function table(head: string[], rows: (string | number)[][], numeric = true): string {
  const th = head.map((h) => `<th>${e(h)}</th>`).join('');
  const tr = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric && i > 0 ? ' class="num"' : ''}>${e(String(c))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

function provenanceTable(data: ReportData): string {
  const p = data.provenance;
  const rows: [string, string][] = [
    ['Dataset', `${p.datasetName} (${p.datasetId}, ${p.datasetKind})`],
    ['Feedlens version', p.appVersion],
    ['Engine version', `${p.engineVersion} (trace format ${p.traceVersion})`],
    ['Preset', p.preset],
    ['Seed', String(p.seed)],
    ['Config hash', p.configHash],
    ['Input SHA-256 (events and videos replayed)', p.inputSha256],
    ['Source file SHA-256', p.sourceSha256 ?? 'not given (the input hash names what was replayed)'],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd><code>${e(v)}</code></dd>`).join('')}</dl>`;
}

/**
 * A dimension as a chart labels it: its key ('topic:cooking'), except where the key is an id or a
 * link that means nothing to a reader (issue 19 item 6): 'sound:7906…5123' → 'a sound …5123',
 * 'effect:https://…' → 'an effect', 'hashtag:1234567' → 'a hashtag …4567'. The last digits tell
 * two sounds apart in one legend.
 */
function dimName(dim: string): string {
  const colon = dim.indexOf(':');
  const type = dim.slice(0, colon);
  const value = dim.slice(colon + 1);
  const tail = /^\d{5,}$/.test(value) ? ` …${value.slice(-4)}` : '';
  if (type === 'sound') return `a sound${tail}`;
  if (type === 'effect') return 'an effect';
  if (type === 'hashtag' && tail) return `a hashtag${tail}`;
  return dim;
}

function profileSection(data: ReportData): string {
  if (data.profile.length === 0 || data.timesMs.length === 0)
    return '<p>No profile dimension has a weight at any slate: the videos carry no topics, hashtags, creators or sounds yet. The Metadata screen adds them from a capture, a yt-dlp file or a CSV, or, with your consent, from TikTok.</p>';
  const chart = lineChart(
    data.timesMs,
    data.profile.map((s) => ({ name: dimName(s.dim), values: s.values })),
    { width: WIDTH, height: 280 },
  );
  return `<p>Weight of the ${data.profile.length} strongest profile dimensions at each slate (decayed sums of the signals that built them).</p>${lineChartSvg(chart, 'Profile weights over time')}`;
}

function signalSection(data: ReportData): string {
  const chart = barChart(
    data.signals.map((s) => ({ label: s.kind, value: s.total })),
    WIDTH,
  );
  return `${barChartSvg(chart, 'Events by kind', count)}${table(
    ['signal', 'events', 'observed', 'inferred', 'loaded'],
    data.signals.map((s) => [s.kind, ...[s.total, s.observed, s.inferred, s.loaded].map(count)]),
  )}<p class="note">Inferred: estimated, for example a TikTok export’s watch times from the gap to the next video. Loaded: a page loaded the video, which is not proof it was seen.</p>`;
}

function driverSection(data: ReportData): string {
  const features = barChart(
    data.features.map((f) => ({ label: f.feature, value: f.mean })),
    WIDTH,
  );
  const dims = barChart(
    data.dims.map((d) => ({ label: dimName(d.dim), value: d.value })),
    WIDTH,
  );
  return `<p>Mean contribution of each feature to a served video’s score, over every slate.</p>${barChartSvg(features, 'Feature contributions', fixed(4))}${
    data.dims.length > 0
      ? `<p>The profile dimensions behind the most score, summed over every served video.</p>${barChartSvg(dims, 'Dimensions behind the score', fixed(3))}`
      : '<p>No served video’s score rested on a profile dimension.</p>'
  }`;
}

function rulesTable(data: ReportData): string {
  return `${table(
    ['rule', 'on', 'removed', 'demoted', 'promoted'],
    data.rules.map((r) => [r.rule, r.on ? 'yes' : 'no', r.removed, r.demoted, r.promoted]),
  )}<p class="note">Counts are summed over every slate: a video removed from five slates counts five times.</p>`;
}

/** The last slate in the Why panel's words: each video's sentence and rule effects, and the removals. */
export function decisionsSection(d: SlateDecisions): string {
  const served = d.served
    .map(({ rank, itemId, explanation: x }) => {
      const rules = x.rules.map((r) => `<li>${e(r.words)}</li>`).join('');
      return `<li><code>${e(itemId)}</code> (rank ${rank}): ${e(x.sentence.map((c) => c.text).join(''))}${
        rules ? `<ul>${rules}</ul>` : ''
      }</li>`;
    })
    .join('');
  const removed = d.removedByRule
    .map((r) => {
      const listed = d.removals.filter((x) => x.rule === r.rule);
      const more = r.count - listed.length;
      return `<li>${count(r.count)} ${e(r.words)}<ul>${listed
        .map((x) => `<li><code>${e(x.itemId)}</code>: ${e(x.words)}</li>`)
        .join('')}${more > 0 ? `<li>and ${count(more)} more</li>` : ''}</ul></li>`;
    })
    .join('');
  return `<p>The slate at ${e(isoUtc(d.atMs))}, in the words Feedlens’s “Why?” panel and <code>feedlens why</code> print: why each video is in it, what each rule did to it, and what the rules removed (the first ${REMOVALS_SHOWN} of each rule).</p><ol class="decisions">${served}</ol>${
    removed ? `<h3>Removed</h3><ul>${removed}</ul>` : '<p>No rule removed a candidate.</p>'
  }`;
}

function counterfactualSection(data: ReportData): string {
  if (data.counterfactuals.length === 0)
    return '<p>No rule moved any video and no past event drove a score: nothing to replay differently.</p>';
  return `<p>Each row replays the same events with one change, at the same slate times, and compares the slates.</p>${table(
    [
      'change',
      'slates changed',
      'videos replaced',
      'rank moves per slate',
      'profile dimensions changed',
    ],
    data.counterfactuals.map((c) => [
      c.change,
      `${c.slatesChanged} of ${data.slates}`,
      percent(c.replacedShare),
      c.movedPerSlate.toFixed(1),
      c.profileDimsChanged,
    ]),
  )}`;
}

function fidelitySection(data: ReportData): string {
  const f = data.fidelity;
  if (f.rows.length === 0)
    return '<p>No sampled video had a past event behind its score: there was nothing to take away.</p>';
  const chart = barChart(
    f.rows.map((r) => ({
      label: `k = ${r.k}, ${r.method === 'attributed' ? 'named' : 'random'}`,
      value: r.pos,
    })),
    WIDTH,
  );
  return `<p>For the top ${f.sample.top} videos of ${plural(f.sample.slates, 'slate')} drawn from ${count(f.sample.of)} session starts (seed ${data.provenance.seed}), the history is replayed without the k events each explanation names first, and without k random events of the same person. ${e(fidelityVerdict(f.rows))}</p>${barChartSvg(chart, `Share still in the top ${FIDELITY_DEPTH} without the events`, percent)}${table(
    ['k', 'events', 'videos', 'DEL@k', 'INS@k', `NDCG@${FIDELITY_DEPTH}`, `POS@${FIDELITY_DEPTH}`],
    f.rows.map((r) => [
      r.k,
      r.method === 'attributed' ? 'named' : 'random',
      r.items,
      percent(r.del),
      percent(r.ins),
      percent(r.ndcg),
      percent(r.pos),
    ]),
  )}<p>DEL@k: the share of a video's lift over the baseline left without the events (lower: they mattered). INS@k: the share they give alone. NDCG@${FIDELITY_DEPTH}: how much of its place's value is kept. POS@${FIDELITY_DEPTH}: the share still in the top ${FIDELITY_DEPTH}.</p>`;
}

function metricsSection(data: ReportData): string {
  const m = data.metrics;
  const parts: string[] = [];
  if (m.length > 0) {
    const chart = lineChart(
      data.timesMs,
      [
        { name: 'top-3 share', values: m.map((x) => x.top3Share) },
        { name: 'diversity (ILD)', values: m.map((x) => x.intraListDistance) },
        { name: 'exploration', values: m.map((x) => x.explorationShare) },
        { name: 'homogeneity', values: m.map((x) => x.homogeneity) },
      ],
      { width: WIDTH, height: 240 },
    );
    parts.push(lineChartSvg(chart, 'Slate metrics over time'));
    // A measure not defined at a slate (no topic in it) is left out of the mean and shown as —.
    const stat = (pick: (x: (typeof m)[number]) => number | null) => {
      const values = m.map(pick);
      const defined = values.filter((v) => v !== null);
      const mean = defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
      return [values[0]!, mean, values.at(-1)!].map((v) => (v === null ? '—' : v.toFixed(3)));
    };
    parts.push(
      table(
        ['metric', 'first slate', 'mean', 'last slate'],
        [
          ['profile entropy (bits)', ...stat((x) => x.profileEntropy)],
          ['top-3 topic share', ...stat((x) => x.top3Share)],
          ['intra-list distance', ...stat((x) => x.intraListDistance)],
          ['exploration share', ...stat((x) => x.explorationShare)],
          ['calibration KL (bits)', ...stat((x) => x.calibrationKL)],
          ['homogeneity (Herfindahl)', ...stat((x) => x.homogeneity)],
        ],
      ),
    );
  }
  const share = `${Math.round(100 * AMPLIFICATION_THRESHOLD)}%`;
  parts.push(
    data.amplified.length > 0
      ? `<p>Topics that came to hold ${share} of the profile’s topic weight, and after how many events:</p>${table(
          ['topic', 'after events'],
          data.amplified.map((t) => [t.topic, count(t.afterEvents)]),
        )}`
      : `<p>No topic ever held ${share} of the profile’s topic weight.</p>`,
  );
  const a = data.agreement;
  parts.push(
    a && a.sessions.length > 0
      ? `<p>Agreement with the real feed: ${percent(a.hitRate)} of the videos watched next were in Feedlens’s top ${a.k} (NDCG ${a.ndcg.toFixed(3)}), against ${percent(a.chance)} by chance, over ${a.sessions.length} session starts.</p>`
      : '<p>Agreement with the real feed: no session start had a watched video Feedlens could have served.</p>',
  );
  return parts.join('');
}
