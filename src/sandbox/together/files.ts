// Files the Together way: the documented multipart POST /files/upload, and the official SDK's own
// flow (POST /files with the name, type and purpose, answered 302 with a storage URL and
// `x-together-file-id`; the bytes PUT there; then GET /files/{id}). A file is processed a moment
// after its bytes arrive: its validation report says whether fine-tuning can use it.
import { basename } from 'node:path';
import { ApiError, invalid, readBody, readForm, seconds } from '../http.js';
import type { TogetherContext, TogetherHandler, TogetherSandbox } from './context.js';
import { checkTogetherFile } from './dataCheck.js';
import { nextUuid, type TogetherFile } from './state.js';

/** How long processing takes at speed 1. */
export const PROCESS_MS = 1500;
const PURPOSES = ['fine-tune', 'eval', 'batch-api'] as const;
const TYPES = ['jsonl', 'csv', 'parquet'] as const;

function purposeOf(value: unknown): TogetherFile['purpose'] {
  if (typeof value !== 'string' || value === '') throw invalid("Missing required parameter: 'purpose'.", 'purpose');
  if (!(PURPOSES as readonly string[]).includes(value)) throw invalid(`'${value}' is not a valid purpose; use one of ${PURPOSES.join(', ')}.`, 'purpose');
  return value as TogetherFile['purpose'];
}

function typeOf(value: unknown, filename: string): TogetherFile['FileType'] {
  const t = typeof value === 'string' && value !== '' ? value : (filename.split('.').pop() ?? '');
  if (!(TYPES as readonly string[]).includes(t)) throw invalid(`File type must be jsonl, csv or parquet (got '${t}').`, 'file_type');
  return t as TogetherFile['FileType'];
}

export function findFile(tg: TogetherSandbox, id: string): TogetherFile {
  const file = tg.state.files.find((f) => f.id === id);
  if (!file) throw new ApiError(404, `File ${id} not found`, 'invalid_request_error', 'not_found');
  return file;
}

/** The wire shape: internal fields stay inside. */
export function fileWire(f: TogetherFile): Omit<TogetherFile, 'line_count'> {
  const { line_count: _lines, ...wire } = f;
  return wire;
}

function store(tg: TogetherSandbox, id: string, filename: string, purpose: TogetherFile['purpose'], type: TogetherFile['FileType'], text: string): TogetherFile {
  const now = tg.clock.now();
  const file: TogetherFile = {
    id,
    object: 'file',
    created_at: seconds(now),
    filename,
    bytes: Buffer.byteLength(text),
    purpose,
    Processed: false,
    FileType: type,
    processing_status: 'PENDING',
    line_count: 0,
  };
  tg.state.files.unshift(file);
  tg.state.fileContents[id] = text;
  tg.state.fileReadyAt[id] = now + PROCESS_MS / tg.speed;
  return file;
}

/** Processes files whose time has come (called on every request). */
export function tickFiles(tg: TogetherSandbox, now: number): void {
  for (const file of tg.state.files) {
    if (file.processing_status !== 'PENDING') continue;
    const readyAt = tg.state.fileReadyAt[file.id] ?? 0;
    if (now < readyAt) continue;
    const check = checkTogetherFile(tg.state.fileContents[file.id] ?? '', file.purpose);
    file.Processed = true;
    file.line_count = check.lines;
    if (check.ok) {
      file.processing_status = 'COMPLETED';
      file.validation_report = { valid: true, dataset_format: check.format, nlines: check.lines, file_id: file.id };
    } else {
      file.processing_status = 'INVALID_FORMAT';
      file.validation_report = { valid: false, error: check.message, error_type: 'INVALID_FORMAT', nlines: check.lines, file_id: file.id };
    }
  }
}

export const uploadMultipart: TogetherHandler = async ({ tg, req }) => {
  const form = await readForm(req);
  const purpose = purposeOf(form.get('purpose'));
  const file = form.get('file');
  if (file === null || typeof file === 'string') throw invalid("Missing required parameter: 'file'.", 'file');
  const name = form.get('file_name');
  const filename = typeof name === 'string' && name !== '' ? basename(name) : file.name;
  const type = typeOf(form.get('file_type'), filename);
  const text = Buffer.from(await file.arrayBuffer()).toString('utf8');
  return fileWire(store(tg, `file-${nextUuid(tg.state, 'file')}`, filename, purpose, type, text));
};

/** The SDK's first step: announce the file, get where to PUT its bytes. */
export const announce: TogetherHandler = async ({ tg, req, res, url }) => {
  const body = new URLSearchParams((await readBody(req)).toString('utf8'));
  const param = (k: string): string | null => url.searchParams.get(k) ?? body.get(k);
  const rawName = param('file_name');
  if (rawName === null || rawName === '') throw invalid("Missing required parameter: 'file_name'.", 'file_name');
  // The SDK sends the path it was given; the service keeps the name.
  const filename = basename(rawName);
  const purpose = purposeOf(param('purpose'));
  const fileType = typeOf(param('file_type'), filename);
  const id = `file-${nextUuid(tg.state, 'file')}`;
  tg.state.announced[id] = { filename, purpose, fileType };
  res.writeHead(302, { location: `${tg.origin}/_storage/${id}?signature=sandbox`, 'x-together-file-id': id, 'content-length': '0' });
  res.end();
  return undefined;
};

/** The storage side of the SDK flow: the bytes, with no API key (a presigned URL). */
export const putBytes: TogetherHandler = async ({ tg, req, res, params }) => {
  const id = params[0]!;
  const pending = tg.state.announced[id];
  if (!pending) throw new ApiError(403, 'This upload URL is not valid or has been used.', 'invalid_request_error');
  const text = (await readBody(req, 5 * 1024 ** 3)).toString('utf8');
  delete tg.state.announced[id];
  store(tg, id, pending.filename, pending.purpose, pending.fileType, text);
  res.writeHead(200, { 'content-length': '0' });
  res.end();
  return undefined;
};

export const listFiles: TogetherHandler = ({ tg }) => ({ data: tg.state.files.map(fileWire) });

export const getFile: TogetherHandler = ({ tg, params }) => fileWire(findFile(tg, params[0]!));

export const deleteFile: TogetherHandler = ({ tg, params }) => {
  const file = findFile(tg, params[0]!);
  tg.state.files = tg.state.files.filter((f) => f !== file);
  delete tg.state.fileContents[file.id];
  return { id: file.id, deleted: true };
};

export const fileContent: TogetherHandler = ({ tg, params, res }: TogetherContext) => {
  const file = findFile(tg, params[0]!);
  const text = tg.state.fileContents[file.id] ?? '';
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return undefined;
};
