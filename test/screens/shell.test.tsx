import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { bindingsFor, displayKey } from '../../src/keys/bindings.js';
import { initialAppState } from '../../src/store/state.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, type RenderedApp } from '../helpers/renderApp.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const header = (frame: string) => frame.split('\n')[0]!;
const statusBar = (frame: string) => frame.split('\n').filter(Boolean).at(-1)!;
const unsavedDataset = { ...initialAppState.dataset, filePath: '/tmp/train.jsonl', dirty: true };

describe('the shell', () => {
  it('switches screens with tab, shift+tab and the number keys', async () => {
    app = await renderApp();
    expect(header(app.lastFrame())).toMatch(/▸1 Dataset/);
    await app.press(KEYS.tab);
    expect(header(app.lastFrame())).toMatch(/▸2 Validate/);
    await app.press('4');
    expect(header(app.lastFrame())).toMatch(/▸4 Chat/);
    await app.press(KEYS.tab);
    expect(header(app.lastFrame())).toMatch(/▸1 Dataset/);
    await app.press(KEYS.shiftTab);
    expect(header(app.lastFrame())).toMatch(/▸4 Chat/);
    await app.press('3');
    expect(app.store.getState().ui.screen).toBe('jobs');
    expect(app.lastFrame()).toContain('need a connection');
  });

  /** Every line help shows, scrolled from top to bottom with j, without its border. */
  async function allHelpLines(): Promise<string[]> {
    const seen: string[] = [];
    let previous = '';
    for (let i = 0; i < 200; i++) {
      const frame = app!.lastFrame();
      if (frame === previous) break;
      previous = frame;
      const inner = frame.split('\n').filter((l) => l.startsWith('│')).map((l) => l.slice(2, -1).trimEnd());
      // Lines between the title and the footer.
      seen.push(...inner.slice(1, -1));
      await app!.press('j');
    }
    return seen;
  }

  it('shows help generated from the key table, text-field keys included, and closes it with esc', async () => {
    app = await renderApp({}, { columns: 140, rows: 45 });
    await app.press('?');
    const text = (await allHelpLines()).join(' ').replace(/\s+/g, ' ');
    for (const scope of ['global', 'dataset', 'textField'] as const) {
      for (const binding of bindingsFor(scope)) {
        expect(text).toContain(binding.description);
        expect(text).toContain(displayKey(binding.keys[0]!));
      }
    }
    await app.press(KEYS.esc);
    expect(app.lastFrame()).not.toContain('Keys — Dataset');
    expect(app.store.getState().ui.modal).toBeNull();
  });

  it('help fits 80x24 on every screen and scrolls to every binding, none cut mid-word', async () => {
    for (const digit of ['1', '2', '3', '4']) {
      app = await renderApp({}, { columns: 80, rows: 24 });
      await app.press(digit, '?');
      expect(app.lastFrame().split('\n').length).toBeLessThanOrEqual(23);
      expect(app.lastFrame()).toMatch(/esc close · lines 1–\d+ of \d+ \(j\/k, PgUp\/PgDn\)/);
      const lines = await allHelpLines();
      expect(lines.some((l) => l.includes('…'))).toBe(false);
      const text = lines.join(' ').replace(/\s+/g, ' ');
      const screen = (['dataset', 'validate', 'jobs', 'chat'] as const)[Number(digit) - 1]!;
      for (const binding of [...bindingsFor(screen), ...bindingsFor('global'), ...bindingsFor('textField')]) {
        expect(text, `${digit}: ${binding.description}`).toContain(binding.description);
      }
      expect(app.lastFrame().split('\n').length).toBeLessThanOrEqual(23);
      app.unmount();
    }
  });

  it('ignores screen keys while help is open', async () => {
    app = await renderApp();
    await app.press('?', '3');
    expect(app.store.getState().ui.screen).toBe('dataset');
  });

  it('quits on q when nothing is unsaved', async () => {
    app = await renderApp();
    await app.press('q');
    expect(app.store.getState().ui.exiting).toBe(true);
  });

  it('asks before quitting with unsaved work; n stays, a second ctrl+c quits', async () => {
    app = await renderApp({ dataset: unsavedDataset });
    await app.press('q');
    expect(app.lastFrame()).toContain('Quit ftui?');
    expect(app.lastFrame()).toContain('unsaved changes');
    await app.press('n');
    expect(app.lastFrame()).not.toContain('Quit ftui?');
    expect(app.store.getState().ui.exiting).toBe(false);

    await app.press(KEYS.ctrl('c'));
    expect(app.lastFrame()).toContain('ctrl+c again');
    expect(app.store.getState().ui.exiting).toBe(false);
    await app.press(KEYS.ctrl('c'));
    expect(app.store.getState().ui.exiting).toBe(true);
  });

  it('fits the status bar in 80 columns with connection, file, unsaved mark and hints', async () => {
    app = await renderApp({ dataset: unsavedDataset }, { columns: 80, rows: 24 });
    const frame = app.lastFrame();
    const bar = statusBar(frame);
    expect(stringWidth(bar)).toBeLessThanOrEqual(80);
    expect(bar).toContain('no key (set OPENAI_API_KEY)');
    expect(bar).toContain('train.jsonl *');
    expect(bar).toContain('? help');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  });

  it('names a sandbox connection in the header and the status bar', async () => {
    app = await renderApp({
      connection: { ...initialAppState.connection, kind: 'sandbox', baseUrl: 'http://127.0.0.1:4010/v1', keyPresent: true },
    });
    expect(header(app.lastFrame())).toContain('SANDBOX');
    expect(statusBar(app.lastFrame())).toContain('SANDBOX 127.0.0.1:4010');
  });
});
