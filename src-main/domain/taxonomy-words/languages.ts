// Every language the taxonomy reads besides English (taxonomy-data.ts), in the order of the
// issue's list of the most used TikTok languages, then the cheap extras.
import { ARABIC } from './ar';
import { CHINESE } from './zh';
import { FRENCH } from './fr';
import { GERMAN } from './de';
import { INDONESIAN } from './id';
import { ITALIAN } from './it';
import { JAPANESE } from './ja';
import { KOREAN } from './ko';
import { PORTUGUESE } from './pt';
import { RUSSIAN } from './ru';
import { SPANISH } from './es';
import { TURKISH } from './tr';
import type { LanguageWords } from './types';
import { VIETNAMESE } from './vi';

export type { LanguageWords };

export const LANGUAGE_WORDS: readonly LanguageWords[] = [
  SPANISH,
  PORTUGUESE,
  INDONESIAN,
  TURKISH,
  ARABIC,
  GERMAN,
  FRENCH,
  JAPANESE,
  KOREAN,
  VIETNAMESE,
  RUSSIAN,
  ITALIAN,
  CHINESE,
];
