// /v1/uploads: create, add part, complete (parts joined in the order given), cancel.
import { checkPurpose, storeFile } from './files.js';
import { ApiError, invalid, notFound, readForm, readJson, requiredString, seconds } from './http.js';
import type { Handler, Sandbox } from './sandbox.js';
import { nextId, type UploadRecord } from './state.js';

const HOUR_S = 3600;

/** The wire shape: the parts stay inside the sandbox. */
export function uploadWire(u: UploadRecord): Omit<UploadRecord, 'parts' | 'mime_type'> {
  const { parts: _parts, mime_type: _mime, ...wire } = u;
  return wire;
}

function findUpload(sb: Sandbox, id: string): UploadRecord {
  const upload = sb.state.uploads.find((u) => u.id === id);
  if (!upload) throw notFound('Upload', id);
  if (upload.status === 'pending' && seconds(sb.clock.now()) >= upload.expires_at) upload.status = 'expired';
  return upload;
}

function mustBePending(u: UploadRecord): void {
  if (u.status !== 'pending') throw invalid(`Upload ${u.id} is ${u.status}; only a pending upload can be changed.`, null);
}

export const createUpload: Handler = async ({ sb, req }) => {
  const body = await readJson(req);
  const filename = requiredString(body, 'filename');
  const purpose = checkPurpose(requiredString(body, 'purpose'));
  const mime = requiredString(body, 'mime_type');
  const bytes = body.bytes;
  if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 0) throw invalid("'bytes' must be a non-negative integer.", 'bytes');
  if (bytes > 8 * 1024 ** 3) throw invalid('An upload can be at most 8 GB.', 'bytes');
  const now = seconds(sb.clock.now());
  const upload: UploadRecord = {
    id: nextId(sb.state, 'upload_'),
    object: 'upload',
    bytes,
    created_at: now,
    expires_at: now + HOUR_S,
    filename,
    purpose,
    mime_type: mime,
    status: 'pending',
    file: null,
    parts: [],
  };
  sb.state.uploads.unshift(upload);
  return uploadWire(upload);
};

export const addPart: Handler = async ({ sb, req, params }) => {
  const upload = findUpload(sb, params[0]!);
  mustBePending(upload);
  const form = await readForm(req);
  const data = form.get('data');
  if (data === null || typeof data === 'string') throw invalid("Missing required parameter: 'data'.", 'data', 'missing_required_parameter');
  const bytes = Buffer.from(await data.arrayBuffer());
  if (bytes.length > 64 * 1024 * 1024) throw invalid('A part can be at most 64 MB.', 'data');
  const part = { id: nextId(sb.state, 'part_'), created_at: seconds(sb.clock.now()), data: bytes.toString('base64') };
  upload.parts.push(part);
  return { id: part.id, object: 'upload.part', created_at: part.created_at, upload_id: upload.id };
};

export const completeUpload: Handler = async ({ sb, req, params }) => {
  const upload = findUpload(sb, params[0]!);
  mustBePending(upload);
  const body = await readJson(req);
  const ids = body.part_ids;
  if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) throw invalid("'part_ids' must be an array of part ids.", 'part_ids');
  const chunks = (ids as string[]).map((id) => {
    const part = upload.parts.find((p) => p.id === id);
    if (!part) throw invalid(`Part ${id} does not belong to upload ${upload.id}.`, 'part_ids');
    return Buffer.from(part.data, 'base64');
  });
  const joined = Buffer.concat(chunks);
  if (joined.length !== upload.bytes) {
    throw new ApiError(400, `The parts add up to ${joined.length} bytes, but the upload was created with bytes=${upload.bytes}.`, 'invalid_request_error', null, 'part_ids');
  }
  upload.file = storeFile(sb, upload.filename, upload.purpose, joined.toString('utf8'));
  upload.status = 'completed';
  upload.parts = [];
  return uploadWire(upload);
};

export const cancelUpload: Handler = ({ sb, params }) => {
  const upload = findUpload(sb, params[0]!);
  mustBePending(upload);
  upload.status = 'cancelled';
  upload.parts = [];
  return uploadWire(upload);
};
