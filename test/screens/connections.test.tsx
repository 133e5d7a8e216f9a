// Switching connection inside the app (ctrl+o): saved profiles and the sandbox, with a real
// sandbox behind a saved profile so the Jobs screen lists what that connection has.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appServices, connectProfile } from '../../src/effects/appServices.js';
import { initialAppState } from '../../src/store/state.js';
import { KEYS } from '../helpers/keys.js';
import { renderWithServices, waitFor } from '../helpers/renderWithServices.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import type { RenderedApp } from '../helpers/renderApp.js';

let app: RenderedApp | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  app?.unmount();
  for (const close of closers.splice(0)) await close();
});

function configWith(profiles: unknown[]): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'ftui-profiles-'));
  mkdirSync(join(dir, 'config'), { recursive: true });
  writeFileSync(join(dir, 'config', 'profiles.json'), JSON.stringify({ profiles }));
  return { FTUI_CONFIG_DIR: join(dir, 'config'), FTUI_DATA_DIR: join(dir, 'data'), LOCAL_KEY: 'sk-local-test' };
}

describe('switching connection in the app', () => {
  it('lists saved profiles and the sandbox, connects to the chosen profile and shows it', async () => {
    const sandbox = await startTestSandbox();
    closers.push(sandbox.close);
    const env = configWith([
      { name: 'local', kind: 'custom', baseUrl: sandbox.baseUrl, apiKeyEnv: 'LOCAL_KEY' },
      { name: 'azure-prod', kind: 'azure', baseUrl: 'https://example.openai.azure.com', apiKeyEnv: 'AZURE_KEY_NOT_SET' },
    ]);
    const services = await appServices(initialAppState.connection, env);
    expect(services.profiles).toEqual(['local', 'azure-prod']);
    app = await renderWithServices({}, services);
    await app.press(KEYS.ctrl('o'));
    let frame = app.lastFrame();
    expect(frame).toContain('Switch connection');
    expect(frame).toContain('▸ local — saved profile');
    expect(frame).toContain('Sandbox — a local imitation of the API; trains nothing');
    await app.press(KEYS.enter);
    frame = await waitFor(app, () => app!.store.getState().connection.profile === 'local' && app!.store.getState().connection.status === 'ok');
    expect(app.store.getState().connection).toMatchObject({ kind: 'custom', baseUrl: sandbox.baseUrl, keyEnv: 'LOCAL_KEY', keyPresent: true });
    expect(frame).not.toContain('Switch connection');
    expect(frame).toMatch(/local: 127\.0\.0\.1:\d+/);
    expect(frame).not.toContain('sk-local-test');
  });

  it('says plainly why a profile cannot be used, and keeps the current connection', async () => {
    const env = configWith([{ name: 'azure-prod', kind: 'azure', baseUrl: 'https://example.openai.azure.com', apiKeyEnv: 'AZURE_KEY_NOT_SET' }]);
    await expect(connectProfile('azure-prod', env)).rejects.toThrow('the variable AZURE_KEY_NOT_SET that holds its key is not set');
    await expect(connectProfile('nope', env)).rejects.toThrow(/No profile named "nope"/);
    app = await renderWithServices({}, await appServices(initialAppState.connection, env));
    await app.press(KEYS.ctrl('o'), KEYS.enter);
    await waitFor(app, () => app!.store.getState().connection.status === 'error');
    expect(app.store.getState().connection).toMatchObject({ kind: 'none', message: 'azure-prod: the variable AZURE_KEY_NOT_SET that holds its key is not set' });
  });

  it("starts a Together-protocol sandbox in the app from ctrl+o, and goes back and forth keeping each one's server", async () => {
    const services = await appServices(initialAppState.connection, configWith([]));
    app = await renderWithServices({}, services);
    await app.press(KEYS.ctrl('o'));
    expect(app.lastFrame()).toContain("Together sandbox — a local imitation of Together AI's API; trains nothing");
    await app.press('j', KEYS.enter);
    const frame = await waitFor(app, () => app!.store.getState().connection.kind === 'together' && app!.store.getState().connection.status === 'ok');
    expect(frame).toMatch(/Together SANDBOX 127\.0\.0\.1:\d+/);
    const together = app.store.getState().connection.baseUrl;
    // Its own provider: the service's model list reaches the Validate screen.
    await waitFor(app, () => (app!.store.getState().validation.service?.models?.length ?? 0) > 0);
    expect(app.store.getState().validation.model).toBe(app.store.getState().validation.service!.models![0]);
    await app.press(KEYS.ctrl('o'), KEYS.enter);
    await waitFor(app, () => app!.store.getState().connection.kind === 'sandbox' && app!.store.getState().connection.status === 'ok');
    expect(app.store.getState().validation.service).toBeNull();
    await app.press(KEYS.ctrl('o'), 'j', KEYS.enter);
    await waitFor(app, () => app!.store.getState().connection.kind === 'together' && app!.store.getState().connection.status === 'ok');
    expect(app.store.getState().connection.baseUrl).toBe(together);
  });

  it('closes with esc and moves with j/k', async () => {
    app = await renderWithServices({}, await appServices(initialAppState.connection, configWith([{ name: 'a', kind: 'custom', baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'LOCAL_KEY' }])));
    await app.press(KEYS.ctrl('o'), 'j');
    expect(app.lastFrame()).toContain('▸ Sandbox');
    await app.press('k');
    expect(app.lastFrame()).toContain('▸ a — saved profile');
    await app.press(KEYS.esc);
    expect(app.store.getState().ui.modal).toBeNull();
  });
});
