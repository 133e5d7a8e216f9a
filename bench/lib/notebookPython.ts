// Finds a Python that can run the cookbook notebook (../shared/tools/cookbook-notebook.py: tiktoken
// and numpy), the baseline users run today. In order: FTUI_BENCH_PYTHON, bench/.venv, a python3
// that already has both, and else a new bench/.venv with `pip install tiktoken numpy` (from
// whatever index pip is set up for). null when none can be had; the bench then says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface NotebookPython {
  python: string;
  /** e.g. "Python 3.11.7, tiktoken 0.14.0, numpy 2.4.6" */
  describe: string;
}

const PROBE = 'import sys, tiktoken, numpy; print(f"Python {sys.version.split()[0]}, tiktoken {tiktoken.__version__}, numpy {numpy.__version__}")';

function probe(python: string): NotebookPython | null {
  const run = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', timeout: 60_000 });
  return run.status === 0 ? { python, describe: run.stdout.trim() } : null;
}

export function findNotebookPython(benchDir: string): NotebookPython | null {
  const fromEnv = process.env.FTUI_BENCH_PYTHON;
  if (fromEnv) return probe(fromEnv);
  const venv = join(benchDir, '.venv');
  const venvPython = join(venv, 'bin', 'python');
  if (existsSync(venvPython)) {
    const found = probe(venvPython);
    if (found) return found;
  }
  const system = probe('python3');
  if (system) return system;
  if (spawnSync('python3', ['--version']).status !== 0) return null;
  console.log('setting up bench/.venv with tiktoken and numpy for the notebook baseline (once)…');
  const made = spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit', timeout: 120_000 });
  if (made.status !== 0) return null;
  const pip = spawnSync(venvPython, ['-m', 'pip', 'install', '--quiet', 'tiktoken', 'numpy'], { stdio: 'inherit', timeout: 600_000 });
  return pip.status === 0 ? probe(venvPython) : null;
}
