import { useId, useState } from 'react';
import type { LabSettings } from '@main/contract/lab';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import { DEFAULT_CONFIG, RULES, type RuleName } from '@main/engine/config';
import { PRESET_LABELS, PRESETS, type PresetName } from '@main/engine/presets';

/** What each rule does, in one line (docs/ALGORITHM.md "Rules"). */
const RULE_HINTS: Record<RuleName, string> = {
  unpublished: 'drops videos not yet published at the moment',
  seen: 'drops videos already seen',
  'not-interested': '“Not interested” suppresses the creator and sound',
  'keyword-filter': 'drops videos matching a filtered keyword',
  fatigue: 'after 14 days, lets a “not interested” creator or sound back slowly (Twitter 2023)',
  'topic-sliders': '“Manage topics” sliders change how often a topic shows',
  'out-of-network': 'lowers videos from creators you do not follow',
  'author-diversity': 'each further video of one creator counts less',
  exploration: 'reserves slots for videos outside the profile',
  adjacency: 'never two in a row from one creator or sound',
};

const SLIDER_LABELS = ['less', 'as usual', 'more'] as const;

export const DEFAULT_LAB_SETTINGS: LabSettings = { preset: 'tiktok-algo101' };

/** The rules, ε, the topic sliders and keyword filters of one Lab engine. */
export function RulesPanel({
  settings,
  onChange,
  disabled = false,
  title = 'Rules and knobs',
}: {
  settings: LabSettings;
  onChange: (settings: LabSettings) => void;
  disabled?: boolean;
  title?: string;
}) {
  const id = useId();
  const [keywordText, setKeywordText] = useState((settings.keywords ?? []).join(', '));
  const epsilon = settings.explorationShare ?? DEFAULT_CONFIG.explorationShare;
  const ruleOn = (rule: RuleName) => settings.rules?.[rule] ?? DEFAULT_CONFIG.rules[rule];
  const setRule = (rule: RuleName, on: boolean) =>
    onChange({ ...settings, rules: { ...settings.rules, [rule]: on } });
  const levels = settings.topicLevels ?? {};
  const setLevel = (topic: string, level: number) => {
    const next = { ...levels, [topic]: level };
    if (level === 1) delete next[topic];
    onChange({ ...settings, topicLevels: next });
  };
  return (
    <fieldset className="lab-rules" disabled={disabled}>
      <legend>{title}</legend>
      <label>
        Preset{' '}
        <select
          value={settings.preset}
          onChange={(e) => onChange({ ...settings, preset: e.target.value as PresetName })}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Exploration ε{' '}
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={epsilon}
          aria-valuetext={`${Math.round(epsilon * 100)}% of each slate`}
          onChange={(e) => onChange({ ...settings, explorationShare: Number(e.target.value) })}
        />{' '}
        <span className="muted">{Math.round(epsilon * 100)}%</span>
      </label>
      <div className="lab-rule-list" role="group" aria-label="Rules">
        {RULES.map((rule) => (
          <label key={rule} title={RULE_HINTS[rule]}>
            <input
              type="checkbox"
              checked={ruleOn(rule)}
              onChange={(e) => setRule(rule, e.target.checked)}
            />{' '}
            <code>{rule}</code> <span className="muted">{RULE_HINTS[rule]}</span>
          </label>
        ))}
      </div>
      <label>
        Keyword filters{' '}
        <input
          type="text"
          value={keywordText}
          placeholder="diet, prank"
          aria-describedby={`${id}-kw`}
          onChange={(e) => setKeywordText(e.target.value)}
          onBlur={() =>
            onChange({
              ...settings,
              keywords: keywordText
                .split(',')
                .map((k) => k.trim())
                .filter((k) => k !== ''),
            })
          }
        />
        <span id={`${id}-kw`} className="muted">
          {' '}
          comma-separated, applied when you leave the field
        </span>
      </label>
      <details>
        <summary>
          Topic sliders (“Manage topics”){' '}
          {Object.keys(levels).length > 0 && `: ${Object.keys(levels).length} changed`}
        </summary>
        <div className="lab-sliders">
          {TOPIC_TABLE.map((t) => {
            const level = levels[t.id] ?? 1;
            return (
              <label key={t.id}>
                <span>{t.label}</span>
                <input
                  type="range"
                  min={0}
                  max={2}
                  step={1}
                  value={level}
                  aria-valuetext={SLIDER_LABELS[level] ?? String(level)}
                  onChange={(e) => setLevel(t.id, Number(e.target.value))}
                />
                <span className="muted">{SLIDER_LABELS[level] ?? level}</span>
              </label>
            );
          })}
        </div>
      </details>
    </fieldset>
  );
}
