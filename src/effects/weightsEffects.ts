// Streams a checkpoint's weight files to disk when asked (weights/request): each file under its
// name on the service, into the request's folder, through the provider's downloadFile (a
// temporary file renamed when complete). A file already there is never replaced.
import { mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { useEffect } from 'react';
import { toErrorInfo } from '../core/domain.js';
import { useAppState, useDispatch, useStoreApi } from '../store/StoreProvider.js';
import { useProvider } from './providerContext.js';

const exists = (path: string) => stat(path).then(() => true, () => false);

export function useWeightsEffects(): void {
  const { provider } = useProvider();
  const dispatch = useDispatch();
  const store = useStoreApi();
  const attempt = useAppState((s) => s.weights.attempt);
  useEffect(() => {
    const request = store.getState().weights.request;
    if (attempt === 0 || request === null || !store.getState().weights.running) return;
    if (!provider?.downloadFile) {
      dispatch({ type: 'weights/failed', error: { kind: 'unknown', message: 'This provider offers no weights to download.', retryAfterMs: null, param: null } });
      return;
    }
    const download = provider.downloadFile.bind(provider);
    void (async () => {
      try {
        await mkdir(request.dir, { recursive: true });
        // The names the service gave the files, where it lists them; else the file's id.
        const names = new Map((await provider.listFiles().catch(() => [])).map((f) => [f.id, f.filename]));
        const written: string[] = [];
        let before = 0;
        for (const id of request.fileIds) {
          const target = join(request.dir, basename(names.get(id) || id));
          if (await exists(target)) throw Object.assign(new Error(`${target} already exists; ftui does not replace it. Move it away and press W again.`), { code: 'EEXIST' });
          const { bytes } = await download(id, target, { onProgress: (received, total) => dispatch({ type: 'weights/progress', received: before + received, total: total === null ? null : before + total }) });
          before += bytes;
          written.push(target);
        }
        dispatch({ type: 'weights/done', written });
      } catch (error) {
        dispatch({ type: 'weights/failed', error: toErrorInfo(error) });
      }
    })();
  }, [attempt, provider, dispatch, store]);
}
