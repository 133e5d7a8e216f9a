// Runs the built bin as a script would: no terminal, its own config and data folders under
// `home`, none of the provider variables of the machine running the tests.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { binPath, PROVIDER_VARIABLES } from './tmux.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runFtui(args: string[], home: string, env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FTUI_DATA_DIR: join(home, 'data'), FTUI_CONFIG_DIR: join(home, 'config') };
  for (const name of PROVIDER_VARIABLES) delete childEnv[name];
  Object.assign(childEnv, env);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binPath, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * An offline command (`ftui validate …`) run to its end, in the test's own environment (no
 * folders of its own, unlike runFtui) and without colour.
 */
export function runFtuiSync(...args: string[]): Run {
  const run = spawnSync(process.execPath, [binPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
