// Uploading a training or validation file once per provider: the file's SHA-256 is looked up in
// ftui's upload records (per provider and base URL), and a file already there is reused after
// the provider's own file list confirms it (same id, name and size, not failed). Otherwise it is
// uploaded, resuming an interrupted multipart upload from the parts already sent. Used by the
// Jobs screen and `ftui train` alike.
import { basename } from 'node:path';
import type { FileRecord, FineTuningProvider } from '../api/types.js';
import { hashFile, UploadRecords } from '../core/uploadRecords.js';

export interface UploadOnceOptions {
  /** Which service the records are for (core/uploadRecords providerKey). */
  providerKey: string;
  /** null: nothing is recorded, so nothing is reused (every create uploads). */
  records: UploadRecords | null;
  signal?: AbortSignal;
  onProgress?: (sent: number, total: number) => void;
  /** The provider's files, if the caller has listed them already (one list serves both files). */
  files?: () => Promise<FileRecord[]>;
}

export interface UploadOnceResult {
  file: FileRecord;
  /** True when nothing was sent: the same bytes were already on the provider. */
  reused: boolean;
  sha256: string;
}

/** One list of the provider's files per create, however many files it needs. */
export function fileListOnce(provider: FineTuningProvider): () => Promise<FileRecord[]> {
  let files: Promise<FileRecord[]> | null = null;
  return () => (files ??= provider.listFiles());
}

export async function uploadOnce(provider: FineTuningProvider, path: string, options: UploadOnceOptions): Promise<UploadOnceResult> {
  const { sha256, bytes } = await hashFile(path);
  const { records, providerKey } = options;
  if (records === null) {
    const file = await provider.uploadFile(path, { purpose: 'fine-tune', ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return { file, reused: false, sha256 };
  }
  const known = await records.uploaded(providerKey, sha256);
  if (known !== null) {
    const listed = (await (options.files ?? fileListOnce(provider))()).find((f) => f.id === known.fileId);
    if (listed !== undefined && listed.bytes === bytes && listed.filename === known.filename && listed.status !== 'error' && listed.status !== 'deleted') {
      options.onProgress?.(bytes, bytes);
      return { file: listed, reused: true, sha256 };
    }
    // Deleted on the provider, or not the same file after all: send it again.
    await records.setUploaded(providerKey, sha256, null);
  }
  const partial = await records.partial(providerKey, sha256);
  const file = await provider.uploadFile(path, {
    purpose: 'fine-tune',
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    resume: partial !== null && partial.bytes === bytes ? { uploadId: partial.uploadId, partIds: partial.partIds, partBytes: partial.partBytes } : null,
    onPartial: (p) => {
      void records.setPartial(providerKey, sha256, p === null ? null : { ...p, bytes, startedAt: partial?.startedAt ?? Date.now() }).catch(() => undefined);
    },
  });
  await records.setUploaded(providerKey, sha256, { fileId: file.id, filename: file.filename || basename(path), bytes: file.bytes || bytes, uploadedAt: Date.now() });
  return { file, reused: false, sha256 };
}
