// What ftui has uploaded where, so the same bytes are not sent (and stored, and paid for) twice:
// per provider and base URL, a file's SHA-256 to the provider's file id, and a multipart upload
// that was interrupted, so a retry can go on from the parts already sent. Kept in ftui's data
// folder (uploads.json), written atomically; a damaged or missing file only means no reuse.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { appPaths } from './paths.js';

export interface UploadedFile {
  fileId: string;
  filename: string;
  bytes: number;
  uploadedAt: number;
}

/** A multipart upload that did not finish: its id and the parts the provider has, in order. */
export interface PartialUpload {
  uploadId: string;
  partIds: string[];
  partBytes: number;
  bytes: number;
  startedAt: number;
}

interface RecordsFile {
  version: 1;
  /** provider key -> sha256 -> file */
  uploaded: Record<string, Record<string, UploadedFile>>;
  /** provider key -> sha256 -> unfinished multipart upload */
  partial: Record<string, Record<string, PartialUpload>>;
}

const empty = (): RecordsFile => ({ version: 1, uploaded: {}, partial: {} });

export function uploadRecordsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(appPaths(env).data, 'uploads.json');
}

/** "sandbox http://127.0.0.1:8787/v1": files on one service are not files on another. */
export function providerKey(kind: string, baseUrl: string | null): string {
  return `${kind} ${baseUrl ?? 'default'}`;
}

export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    bytes += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { sha256: hash.digest('hex'), bytes };
}

export class UploadRecords {
  /** Updates run one after another, so a part's record never overwrites the finished file's. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  static forEnv(env: NodeJS.ProcessEnv = process.env): UploadRecords {
    return new UploadRecords(uploadRecordsPath(env));
  }

  private async read(): Promise<RecordsFile> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as Partial<RecordsFile>;
      if (parsed.version !== 1 || typeof parsed.uploaded !== 'object' || typeof parsed.partial !== 'object') return empty();
      return { version: 1, uploaded: parsed.uploaded ?? {}, partial: parsed.partial ?? {} };
    } catch {
      return empty();
    }
  }

  private update(change: (records: RecordsFile) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const records = await this.read();
      change(records);
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify(records, null, 1)}\n`, { mode: 0o600 });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async uploaded(provider: string, sha256: string): Promise<UploadedFile | null> {
    await this.queue;
    return (await this.read()).uploaded[provider]?.[sha256] ?? null;
  }

  async partial(provider: string, sha256: string): Promise<PartialUpload | null> {
    await this.queue;
    return (await this.read()).partial[provider]?.[sha256] ?? null;
  }

  async setUploaded(provider: string, sha256: string, file: UploadedFile | null): Promise<void> {
    await this.update((r) => {
      const map = (r.uploaded[provider] ??= {});
      if (file === null) delete map[sha256];
      else map[sha256] = file;
      delete r.partial[provider]?.[sha256];
    });
  }

  async setPartial(provider: string, sha256: string, partial: PartialUpload | null): Promise<void> {
    await this.update((r) => {
      const map = (r.partial[provider] ??= {});
      if (partial === null) delete map[sha256];
      else map[sha256] = partial;
    });
  }
}
