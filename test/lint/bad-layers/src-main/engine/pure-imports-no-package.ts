// An engine file that reads the disk.
import { readFileSync } from 'node:fs';

export const READ = readFileSync;
