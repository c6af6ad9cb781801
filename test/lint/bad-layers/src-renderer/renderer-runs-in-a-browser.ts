// A screen that uses a Node built-in.
import { join } from 'node:path';

export const JOIN = join;
