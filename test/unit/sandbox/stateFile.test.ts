// The sandbox's state file holds the training data uploaded to it: private like ftui's drafts.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/server.js';
import { sampleTrainingJsonl } from '../../helpers/sandbox.js';
import { uploadFile } from './client.js';

describe('sandbox --state-dir', () => {
  // Before: the folder was created 0755 and the file written 0644 (the umask's default).
  it('writes the state file 0600 in a folder it creates 0700', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ftui-sbstate-')), 'state');
    const sb = await startSandbox({ stateDir: dir });
    try {
      const up = await uploadFile(sb.baseUrl, sampleTrainingJsonl(10));
      expect(up.status).toBe(200);
    } finally {
      await sb.close();
    }
    const file = join(dir, 'sandbox-state.json');
    expect(readFileSync(file, 'utf8')).toContain('assistant');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
