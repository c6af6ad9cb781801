// The import folder uses enrich, and enrich uses another file of import: no file cycle, but the
// two folders import each other.
import { ENRICHED } from '../enrich/folder-cycle-enricher';

export const READER = ENRICHED;
