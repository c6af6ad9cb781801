#!/usr/bin/env node
// The `feedlens` CLI. Runs the TypeScript sources through tsx so the CLI never goes stale.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/shells/cli/main.ts');
