import { spawn } from 'node:child_process';

/**
 * Starts `script FILE [ARGS]` in its own process and SIGKILLs it `afterMs` after it says it is running
 * (its first line on stdout). Rejects if it exits any other way, with what it printed on stderr.
 */
export function runAndKill(script: string, path: string, env: NodeJS.ProcessEnv, afterMs: number, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, path, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`${script} exited ${code}: ${stderr}`))));
  });
}
