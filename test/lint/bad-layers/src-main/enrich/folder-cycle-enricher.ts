import { FIELDS } from '../import/folder-cycle-fields';

export const ENRICHED = FIELDS;
