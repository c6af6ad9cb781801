// What the renderer may import from the main side: the domain's types (and the contract, and the
// engine's pure constants).
import type { Id } from '../src-main/domain/types';

export type ScreenId = Id;
