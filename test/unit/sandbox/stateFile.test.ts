// The sandbox's state file holds the training data uploaded to it: private like ftui's drafts.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/server.js';
import { manualClock } from '../../../src/sandbox/clock.js';
import { sampleTrainingJsonl, togetherTrainingJsonl } from '../../helpers/sandbox.js';
import { call, uploadFile } from './client.js';

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

  // Before: once any job existed, every request rewrote the whole file, reads included.
  it('a read rewrites nothing unless the clock moved a job on; a write and a moved job are saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-sbstate-'));
    const file = join(dir, 'sandbox-state.json');
    const clock = manualClock();
    const sb = await startSandbox({ stateDir: dir, clock, port: 0 });
    try {
      const up = await uploadFile(sb.baseUrl, sampleTrainingJsonl(10));
      const job = await call(sb.baseUrl, 'POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18', training_file: up.body.id });
      expect(job.status).toBe(200);
      expect(readFileSync(file, 'utf8')).toContain(job.body.id);
      rmSync(file);
      for (const path of ['/fine_tuning/jobs', `/fine_tuning/jobs/${job.body.id}`, `/fine_tuning/jobs/${job.body.id}/events`, '/files']) expect((await call(sb.baseUrl, 'GET', path)).status).toBe(200);
      expect(existsSync(file)).toBe(false);
      clock.advance(10 * 60_000);
      expect((await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${job.body.id}`)).body.status).toBe('succeeded');
      expect(JSON.parse(readFileSync(file, 'utf8')).jobs[0].status).toBe('succeeded');
      rmSync(file);
      await call(sb.baseUrl, 'GET', `/fine_tuning/jobs/${job.body.id}`);
      expect(existsSync(file)).toBe(false);
    } finally {
      await sb.close();
    }
  });

  it('the same for the Together protocol: reads of a finished job rewrite nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-sbstate-'));
    const file = join(dir, 'sandbox-together-state.json');
    const clock = manualClock();
    const sb = await startSandbox({ protocol: 'together', stateDir: dir, clock, port: 0 });
    try {
      const form = new FormData();
      form.append('purpose', 'fine-tune');
      form.append('file_name', 'train.jsonl');
      form.append('file', new Blob([togetherTrainingJsonl(40)]), 'train.jsonl');
      const train = (await call(sb.baseUrl, 'POST', '/files/upload', form)).body.id as string;
      clock.advance(2000);
      const job = await call(sb.baseUrl, 'POST', '/fine-tunes', { model: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference', training_file: train, lora: true });
      expect(job.status).toBe(200);
      clock.advance(60 * 60_000);
      expect((await call(sb.baseUrl, 'GET', `/fine-tunes/${job.body.id}`)).body.status).toBe('completed');
      expect(JSON.parse(readFileSync(file, 'utf8')).jobs[0].status).toBe('completed');
      rmSync(file);
      for (const path of ['/fine-tunes', `/fine-tunes/${job.body.id}`, `/fine-tunes/${job.body.id}/events`, '/files']) expect((await call(sb.baseUrl, 'GET', path)).status).toBe(200);
      expect(existsSync(file)).toBe(false);
    } finally {
      await sb.close();
    }
  });
});
