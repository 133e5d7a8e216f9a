// Method + path pattern -> handler. Patterns use `{}` for one path segment.
import * as chat from './chat.js';
import * as files from './files.js';
import * as jobs from './jobs.js';
import * as models from './models.js';
import * as customModels from './nebius/customModels.js';
import type { Handler } from './sandbox.js';
import * as uploads from './uploads.js';

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  /** Whether the handler changes state (and the state dir should be saved after it). */
  mutates: boolean;
}

function route(method: string, path: string, handler: Handler, prefix = '/v1'): Route {
  const pattern = new RegExp(`^${prefix}${path.replaceAll('{}', '([^/]+)')}$`);
  return { method, pattern, handler, mutates: method !== 'GET' };
}

const ROUTES: Route[] = [
  route('POST', '/files', files.createFile),
  route('GET', '/files', files.listFiles),
  route('GET', '/files/{}', files.getFile),
  route('DELETE', '/files/{}', files.deleteFile),
  route('GET', '/files/{}/content', files.fileContent),
  route('POST', '/uploads', uploads.createUpload),
  route('POST', '/uploads/{}/parts', uploads.addPart),
  route('POST', '/uploads/{}/complete', uploads.completeUpload),
  route('POST', '/uploads/{}/cancel', uploads.cancelUpload),
  route('POST', '/fine_tuning/jobs', jobs.createJob),
  route('GET', '/fine_tuning/jobs', jobs.listJobs),
  route('GET', '/fine_tuning/jobs/{}', jobs.getJob),
  route('POST', '/fine_tuning/jobs/{}/cancel', jobs.cancelJob),
  route('POST', '/fine_tuning/jobs/{}/pause', jobs.pauseJob),
  route('POST', '/fine_tuning/jobs/{}/resume', jobs.resumeJob),
  route('GET', '/fine_tuning/jobs/{}/events', jobs.listEvents),
  route('GET', '/fine_tuning/jobs/{}/checkpoints', jobs.listCheckpoints),
  route('GET', '/models', models.listModels),
  route('GET', '/models/{}', models.getModel),
  route('POST', '/chat/completions', chat.chatCompletions),
  // Nebius only (others answer 404): checkpoints served as custom models.
  route('POST', '/models', customModels.createCustomModel, '/v0'),
  route('GET', '/models', customModels.listCustomModels, '/v0'),
  route('GET', '/models/{}', customModels.getCustomModel, '/v0'),
  route('GET', '/models/{}/{}', customModels.getCustomModel, '/v0'),
  route('DELETE', '/models/{}', customModels.deleteCustomModel, '/v0'),
];

export function findRoute(method: string, path: string): { route: Route; params: string[] } | null {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}
