// `--state-dir D`: the whole state as one JSON file, replaced atomically after each change, so
// a restarted sandbox still has its files, jobs and fine-tuned models. It holds uploaded training
// data, so it is private like ftui's drafts: the file 0600, a folder it creates 0700.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { emptyState, type SandboxState } from './state.js';

/** One file per protocol, so an OpenAI and a Together sandbox can share a state dir. */
const FILE = 'sandbox-state.json';
export const TOGETHER_FILE = 'sandbox-together-state.json';

export function loadState(dir: string): SandboxState;
export function loadState<T extends object>(dir: string, file: string, empty: () => T): T;
export function loadState(dir: string, file = FILE, empty: () => object = emptyState): object {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw error;
  }
  try {
    return { ...empty(), ...(JSON.parse(text) as object) };
  } catch {
    throw new Error(`${join(dir, file)} is not valid JSON; move it away to start with an empty sandbox.`);
  }
}

export function saveState(dir: string, state: object, file = FILE): void {
  writeFileAtomic.sync(join(dir, file), JSON.stringify(state), { mode: 0o600 });
}
