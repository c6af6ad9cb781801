// An import of a file that does not exist (JavaScript, so that typecheck does not stop at it).
export { MISSING } from './missing.js';
