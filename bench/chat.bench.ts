// The Chat screen streaming a long reply: how many store updates and frames a 4,000-token
// reply costs when deltas are gathered every 33 ms (as the app does) versus flushed on every
// event-loop turn (about one update per token), and how long the reply takes to be fully on
// screen. Tokens arrive about one per millisecond, faster than any real service sends them.
//   npm run bench -- chat
import { render } from 'ink-testing-library';
import React from 'react';

const dist = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { App } = (await dist('app.js')) as typeof import('../src/app.js');
const { ProviderRoot } = (await dist('effects/ProviderRoot.js')) as typeof import('../src/effects/ProviderRoot.js');
const { defaultServices } = (await dist('effects/providerContext.js')) as typeof import('../src/effects/providerContext.js');
const { initialAppState } = (await dist('store/state.js')) as typeof import('../src/store/state.js');
const { createStore } = (await dist('store/store.js')) as typeof import('../src/store/store.js');
const { StoreProvider } = (await dist('store/StoreProvider.js')) as typeof import('../src/store/StoreProvider.js');
const { isStreaming } = (await dist('store/slices/chat.js')) as typeof import('../src/store/slices/chat.js');
type Provider = import('../src/api/types.js').FineTuningProvider;

const TOKENS = 4000;

function streamingProvider(): Provider {
  const model = { id: 'ft:gpt-4o-mini-2024-07-18:bench::x', ownedBy: 'bench', createdAt: 0, shutdownDate: null };
  const unused = () => Promise.reject(new Error('not used by this benchmark'));
  return {
    capabilities: { label: 'bench', dpo: false, pause: false, checkpoints: false, uploads: false, metricsEvents: false, deployStep: false, metricsSeries: false, priceEstimate: false, deployments: false, createFields: [] },
    listModels: async () => [model],
    async *chatStream() {
      for (let i = 0; i < TOKENS; i++) {
        // One timer per token, as network chunks arrive.
        await new Promise((r) => setTimeout(r, 1));
        yield { delta: ` tok${i}` };
      }
      yield { usage: { promptTokens: 10, completionTokens: TOKENS } };
    },
    uploadFile: unused,
    listFiles: unused,
    deleteFile: unused,
    createJob: unused,
    findJobByClientId: unused,
    listJobs: unused,
    listAllJobs: unused,
    getJob: unused,
    cancelJob: unused,
    pauseJob: unused,
    resumeJob: unused,
    listEvents: unused,
    listAllEvents: unused,
    listCheckpoints: unused,
    chat: unused,
  } as Provider;
}

async function run(chatFlushMs: number): Promise<{ deltas: number; frames: number; ms: number }> {
  const store = createStore({
    ...initialAppState,
    ui: { ...initialAppState.ui, screen: 'chat' },
    connection: { ...initialAppState.connection, kind: 'sandbox', keyPresent: true },
  });
  let deltas = 0;
  const dispatch = store.dispatch;
  store.dispatch = (action) => {
    if (action.type === 'chat/streamDelta') deltas++;
    dispatch(action);
  };
  const services = { ...defaultServices, provider: streamingProvider(), chatFlushMs };
  const view = render(
    React.createElement(StoreProvider, {
      store,
      children: React.createElement(ProviderRoot, { services, children: React.createElement(App, { size: { columns: 100, rows: 30 } }) }),
    }),
  );
  let frames = 0;
  const stdout = view.stdout as unknown as { write: (frame: string) => void };
  const originalWrite = stdout.write;
  stdout.write = (frame: string) => {
    frames++;
    originalWrite(frame);
  };
  while (store.getState().chat.model === null) await new Promise((r) => setTimeout(r, 5));
  store.dispatch({ type: 'chat/setDraft', text: 'Tell me everything.' });
  frames = 0;
  const start = performance.now();
  store.dispatch({ type: 'chat/send', at: 0, connected: true });
  while (isStreaming(store.getState().chat.turns)) await new Promise((r) => setTimeout(r, 1));
  const ms = performance.now() - start;
  view.unmount();
  return { deltas, frames, ms };
}

const batched = await run(33);
// A 0 ms interval still fires once per event-loop turn: close to dispatching every token.
const perToken = await run(0);
const line = (name: string, r: { deltas: number; frames: number; ms: number }) =>
  `${name.padEnd(22)} ${String(r.deltas).padStart(6)} store updates  ${String(r.frames).padStart(6)} frames  ${r.ms.toFixed(0).padStart(6)} ms to the full reply`;
console.log(`chat stream of ${TOKENS} tokens, 100x30`);
console.log(line('batched every 33 ms', batched));
console.log(line('flushed every turn', perToken));
