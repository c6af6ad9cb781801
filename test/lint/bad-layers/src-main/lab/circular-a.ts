// Two files that import each other.
import { B } from './circular-b';

export const A = 'a';
export const AB = () => B;
