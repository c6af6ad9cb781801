// How many times the data changed since the app started (`datasets/changed`, pushed by every
// writer: imports, deletions, metadata enrichment). useCall refetches when it moves, so every
// screen shows the new data without being told.
import { createContext, useContext } from 'react';

export const DataVersion = createContext(0);

export function useDataVersion(): number {
  return useContext(DataVersion);
}
