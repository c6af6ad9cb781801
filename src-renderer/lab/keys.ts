// The Feed Lab's keyboard: one key per action, shown on screen beside the card. Pure, so the map
// and its help text are tested without a DOM (test/renderer/lab-keys.test.ts).

import type { LabActionKind } from '@main/contract/lab';

export type LabAction = LabActionKind;

/**
 * The contract's actions in the order the buttons show them. Typed against the contract (a type
 * import keeps this module testable without a bundler): a new action fails to compile here.
 */
export const LAB_ACTIONS = [
  'watch',
  'skip',
  'like',
  'share',
  'comment',
  'follow',
  'not-interested',
  'rewatch',
] as const satisfies readonly LabAction[];

/** Keys per action; the first is the one shown. `↓` and `j` both mean "next", as in a feed. */
export const ACTION_KEYS: Record<LabAction, readonly string[]> = {
  watch: ['ArrowDown', 'j'],
  skip: ['s'],
  like: ['l'],
  share: ['h'],
  comment: ['c'],
  follow: ['f'],
  'not-interested': ['n'],
  rewatch: ['r'],
};

export const ACTION_LABELS: Record<LabAction, string> = {
  watch: 'Watch, next',
  skip: 'Skip',
  like: 'Like',
  share: 'Share',
  comment: 'Comment',
  follow: 'Follow',
  'not-interested': 'Not interested',
  rewatch: 'Rewatch',
};

const KEY_TO_ACTION = new Map<string, LabAction>(
  LAB_ACTIONS.flatMap((action) => ACTION_KEYS[action].map((key) => [key, action] as const)),
);

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element that has focus: typing into a field is never an action. */
  targetTag: string;
};

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The action a key press stands for, or null (modifier chords and typing into fields are not). */
export function actionForKey(press: KeyPress): LabAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (TYPING_TAGS.has(press.targetTag.toUpperCase())) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return KEY_TO_ACTION.get(key) ?? null;
}

/** How a key is written on screen: arrows as arrows, letters as themselves. */
export function keyCap(key: string): string {
  switch (key) {
    case 'ArrowDown':
      return '↓';
    default:
      return key;
  }
}

/** "↓ / j" for the help line and the buttons' `aria-keyshortcuts`. */
export function keysLabel(action: LabAction): string {
  return ACTION_KEYS[action].map(keyCap).join(' / ');
}
