// `--state-dir D`: the whole state as one JSON file, replaced atomically after each change, so
// a restarted sandbox still has its files, jobs and fine-tuned models.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { emptyState, type SandboxState } from './state.js';

const FILE = 'sandbox-state.json';

export function loadState(dir: string): SandboxState {
  mkdirSync(dir, { recursive: true });
  let text: string;
  try {
    text = readFileSync(join(dir, FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw error;
  }
  try {
    return { ...emptyState(), ...(JSON.parse(text) as Partial<SandboxState>) };
  } catch {
    throw new Error(`${join(dir, FILE)} is not valid JSON; move it away to start with an empty sandbox.`);
  }
}

export function saveState(dir: string, state: SandboxState): void {
  writeFileAtomic.sync(join(dir, FILE), JSON.stringify(state));
}
