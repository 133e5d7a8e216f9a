// /v1/files: multipart upload, list, retrieve, delete, content.
import { ApiError, invalid, limitParam, notFound, readForm, seconds } from './http.js';
import type { Handler, Sandbox } from './sandbox.js';
import { nextId, type FileRecord } from './state.js';

const UPLOAD_PURPOSES = new Set(['fine-tune', 'batch', 'assistants', 'vision', 'user_data']);

export function storeFile(sb: Sandbox, filename: string, purpose: string, text: string): FileRecord {
  const id = nextId(sb.state, 'file-');
  const file: FileRecord = {
    id,
    object: 'file',
    bytes: Buffer.byteLength(text),
    created_at: seconds(sb.clock.now()),
    filename,
    purpose,
    status: 'processed',
  };
  sb.state.files.unshift(file);
  sb.state.fileContents[id] = text;
  return file;
}

export function checkPurpose(purpose: string | null): string {
  if (purpose === null || purpose === '') throw invalid("Missing required parameter: 'purpose'.", 'purpose', 'missing_required_parameter');
  if (!UPLOAD_PURPOSES.has(purpose)) throw invalid(`'${purpose}' is not a valid purpose.`, 'purpose');
  return purpose;
}

export function findFile(sb: Sandbox, id: string, param: string | null = null): FileRecord {
  const file = sb.state.files.find((f) => f.id === id);
  if (!file) throw notFound('File', id, param);
  return file;
}

export const createFile: Handler = async ({ sb, req }) => {
  const form = await readForm(req);
  const purpose = checkPurpose(form.get('purpose') as string | null);
  const file = form.get('file');
  if (file === null || typeof file === 'string') throw invalid("Missing required parameter: 'file'.", 'file', 'missing_required_parameter');
  const bytes = Buffer.from(await file.arrayBuffer());
  if (sb.state.flavor === 'azure' && purpose === 'fine-tune') checkAzureEncoding(bytes, file.name);
  // A byte-order mark is how the file says UTF-8, not part of its first line.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (purpose === 'fine-tune' && !/\.jsonl$/i.test(file.name)) {
    throw invalid(`Invalid file format for Fine-Tuning API. Must be .jsonl (got '${file.name}').`, 'file');
  }
  const stored = storeFile(sb, file.name || 'upload.jsonl', purpose, text);
  // The size is of what arrived, BOM and all.
  stored.bytes = bytes.length;
  return stored;
};

/**
 * Azure's rule for training files (its fine-tuning guide): JSONL encoded in UTF-8 with a
 * byte-order mark, under 512 MB. The sandbox refuses the upload the way a strict reading of that
 * rule would, so a client that converts is rehearsed.
 */
function checkAzureEncoding(bytes: Buffer, name: string): void {
  if (bytes.length > 512 * 1024 * 1024) throw invalid(`${name} is larger than 512 MB, the most a training file can be.`, 'file');
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    throw invalid(`${name} must be encoded in UTF-8 with a byte-order mark (BOM); it has none.`, 'file', 'invalid_file_encoding');
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${name} is not valid UTF-8.`, 'file', 'invalid_file_encoding');
  }
}

export const listFiles: Handler = ({ sb, url }) => {
  const purpose = url.searchParams.get('purpose');
  const order = url.searchParams.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalid(`Invalid 'order': '${order}'.`, 'order');
  const limit = limitParam(url.searchParams, 10000, 10000);
  let files = sb.state.files.filter((f) => purpose === null || f.purpose === purpose);
  if (order === 'asc') files = [...files].reverse();
  const after = url.searchParams.get('after');
  let start = 0;
  if (after !== null) start = files.findIndex((f) => f.id === after) + 1;
  const data = files.slice(start, start + limit);
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? '',
    last_id: data.at(-1)?.id ?? '',
    has_more: start + limit < files.length,
  };
};

export const getFile: Handler = ({ sb, params }) => findFile(sb, params[0]!);

export const deleteFile: Handler = ({ sb, params }) => {
  const file = findFile(sb, params[0]!);
  sb.state.files = sb.state.files.filter((f) => f !== file);
  delete sb.state.fileContents[file.id];
  return { id: file.id, object: 'file', deleted: true };
};

export const fileContent: Handler = ({ sb, params, res }) => {
  const file = findFile(sb, params[0]!);
  const text = sb.state.fileContents[file.id];
  if (text === undefined) throw new ApiError(404, `The content of ${file.id} is gone.`, 'invalid_request_error');
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return undefined;
};
