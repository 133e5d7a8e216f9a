// Every temporary folder a test makes (mkdtemp under os.tmpdir(), by the test or by the app it
// starts) goes into one folder per run, removed when the run ends. Tests clean up after
// themselves where they can, but a failed assertion, a killed child or an e2e app writing its own
// files skips that; before this, a day of runs left ~13,000 folders in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'ftui-test-run-'));
  // Workers are forked after global set-up and inherit this environment; os.tmpdir() reads it.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
