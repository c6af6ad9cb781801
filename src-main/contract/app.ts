import { z } from 'zod';
import { defineCall } from './define';

export type Shell = 'electron' | 'web' | 'cli' | 'test';

export type AppInfo = {
  version: string;
  engineVersion: string;
  shell: Shell;
  dbPath: string;
};

export const appCalls = {
  'app/info': defineCall<AppInfo>()(z.object({}).strict()),
};
