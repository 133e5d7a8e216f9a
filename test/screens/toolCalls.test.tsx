// Issue 13: tool calls and tools are visible and editable as JSON, checked before they go back
// into the example (a real tool-calling file from the cookbook, ../shared/datasets). Before, an
// assistant tool call showed as "(empty)" and "0 tok". Also: u inside an open example undoes there.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { repoRoot } from '../helpers/tmux.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';

const DRONE = join(repoRoot, '..', 'shared', 'datasets', 'cookbook', 'drone_training.jsonl');
const ALT = (k: string) => `\u001B${k}`;

let dir: string;
let app: RenderedApp;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-tools-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});

async function openDrone(): Promise<{ path: string; first: string }> {
  const first = readFileSync(DRONE, 'utf8').split('\n')[0]!;
  const path = join(dir, 'drone.jsonl');
  writeFileSync(path, `${first}\n`);
  app = await renderApp({}, { columns: 100, rows: 30 });
  await openDataset(app.store, path);
  await tick(30);
  return { path, first };
}

const selected = () => app.store.getState().dataset.editor!.messages[2]!;

describe('tool calls in the example editor', () => {
  it('shows each call with its arguments, the tools, and the tokens', async () => {
    await openDrone();
    await app.press(KEYS.enter);
    const frame = app.lastFrame();
    expect(frame).toContain('→ takeoff_drone({"altitude": 100})  call_id');
    expect(frame).toMatch(/3 assistant · ~\d+ tok · 1 tool call/);
    expect(frame).not.toMatch(/3 assistant · 0 tok/);
    expect(frame).toContain('Tools: takeoff_drone, land_drone, control_drone_movement');
  });

  it('edits a call as JSON, refuses invalid JSON with where it fails, and u undoes it in place', async () => {
    const { path, first } = await openDrone();
    await app.press(KEYS.enter, 'j', 'j', 't');
    expect(app.store.getState().dataset.editor?.field?.json).toBe('toolCalls');
    expect(app.lastFrame()).toContain('"altitude": 100');
    // Break it: delete the closing bracket at the very end, then try to keep it.
    await app.press(KEYS.backspace, KEYS.enter);
    expect(app.lastFrame()).toMatch(/Tool calls: not valid JSON at line 9, column \d+/);
    expect(app.store.getState().dataset.editor?.field).not.toBeNull();
    await app.press(']');
    // Change 100 to 50: up to the arguments line, to its end, word back, delete the word.
    for (let i = 0; i < 3; i++) await app.press(KEYS.up);
    await app.press(KEYS.ctrl('e'), ALT('b'), ALT('d'));
    for (const ch of '50') await app.press(ch);
    await app.press(KEYS.enter);
    expect(app.store.getState().dataset.editor?.field).toBeNull();
    expect(selected().rest.tool_calls).toEqual([{ id: 'call_id', type: 'function', function: { name: 'takeoff_drone', arguments: '{"altitude":50}' } }]);
    expect(app.lastFrame()).toContain('→ takeoff_drone({"altitude":50})');
    await app.press('u');
    expect(app.lastFrame()).toContain('Undid the tool calls of message 3.');
    expect(app.store.getState().dataset.editor).not.toBeNull();
    expect(app.lastFrame()).toContain('→ takeoff_drone({"altitude": 100})');
    await app.press('U');
    expect(app.lastFrame()).toContain('Redid the tool calls of message 3.');
    await app.press(KEYS.esc, KEYS.ctrl('s'));
    await app.waitFor('Saved 1 line');
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    const original = JSON.parse(first);
    original.messages[2].tool_calls[0].function.arguments = '{"altitude":50}';
    expect(saved).toEqual(original);
    // No content key appeared on the tool-call message.
    expect('content' in saved.messages[2]).toBe(false);
  });

  it('edits the tools list as JSON and checks each tool', async () => {
    await openDrone();
    await app.press(KEYS.enter, 'T');
    expect(app.store.getState().dataset.editor?.field?.json).toBe('tools');
    await app.press(KEYS.ctrl('a'));
    // Select-all is not on for tools; replace everything with a broken tool.
    await app.paste('');
    const editor = app.store.getState().dataset.editor!;
    expect(editor.field?.text.startsWith('[')).toBe(true);
    await app.press(KEYS.esc);
    expect(app.store.getState().dataset.editor?.field).toBeNull();
    expect(app.store.getState().dataset.editor?.base.tools).toEqual(JSON.parse(readFileSync(DRONE, 'utf8').split('\n')[0]!).tools);
  });

  it('a tool message shows its tool_call_id and t edits it', async () => {
    const path = join(dir, 'tool.jsonl');
    writeFileSync(path, `${JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'tool', content: '42', tool_call_id: 'call_9' }, { role: 'assistant', content: 'a' }] })}\n`);
    app = await renderApp({}, { columns: 100, rows: 30 });
    await openDataset(app.store, path);
    await tick(30);
    await app.press(KEYS.enter, 'j');
    expect(app.lastFrame()).toContain('2 tool · for call_9');
    await app.press('t');
    for (const ch of 'call_7') await app.press(ch);
    await app.press(KEYS.enter);
    expect(app.store.getState().dataset.editor?.messages[1]?.rest.tool_call_id).toBe('call_7');
  });
});

describe('a new example in a file with a shared system prompt', () => {
  it('starts with the system prompt most examples share, and says so', async () => {
    const path = join(dir, 'shared.jsonl');
    const lines = readFileSync(DRONE, 'utf8').split('\n').slice(0, 5);
    writeFileSync(path, `${lines.join('\n')}\n`);
    app = await renderApp({}, { columns: 100, rows: 30 });
    await openDataset(app.store, path);
    await app.press('a');
    const editor = app.store.getState().dataset.editor!;
    expect(editor.messages[0]).toMatchObject({ role: 'system', content: JSON.parse(lines[0]!).messages[0].content });
    expect(app.lastFrame()).toContain('Started with the system prompt 5 of 5 examples share');
  });
});
