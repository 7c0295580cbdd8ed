#!/usr/bin/env node
// Runs the TypeScript command line directly, so `npx habeas` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli/main.ts');
