import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { allBindings, bindingsFor, commandFor } from '../../../src/keys/bindings.js';
import { globalBindings } from '../../../src/keys/globalBindings.js';
import { keyName } from '../../../src/keys/keyName.js';
import { SCREENS } from '../../../src/store/slices/ui.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

describe('the key table', () => {
  it('gives no screen a key that is already global, so one press never means two things', () => {
    const globalKeys = new Set(globalBindings.flatMap((b) => b.keys));
    for (const { id } of SCREENS) {
      for (const binding of bindingsFor(id)) {
        for (const key of binding.keys) expect(globalKeys.has(key), `${id}: ${binding.command} uses global key ${key}`).toBe(false);
      }
    }
  });

  it('binds each key at most once per scope', () => {
    const seen = new Set<string>();
    for (const b of allBindings) {
      for (const key of b.keys) {
        const id = `${b.scope}:${key}`;
        expect(seen.has(id), `${id} bound twice`).toBe(false);
        seen.add(id);
      }
    }
  });

  it('describes every binding for the help overlay', () => {
    for (const b of allBindings) expect(b.description.length, b.command).toBeGreaterThan(2);
  });

  it('finds commands by key name', () => {
    expect(commandFor(globalBindings, '?')).toBe('help');
    expect(commandFor(globalBindings, 'shift+tab')).toBe('prevScreen');
    expect(commandFor(globalBindings, 'x')).toBeNull();
    expect(commandFor(globalBindings, null)).toBeNull();
  });
});

describe('keyName', () => {
  it('names keys as the table writes them', () => {
    expect(keyName('q', noKey)).toBe('q');
    expect(keyName('G', { ...noKey, shift: true })).toBe('G');
    expect(keyName('', { ...noKey, tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('c', { ...noKey, ctrl: true })).toBe('ctrl+c');
    expect(keyName('', { ...noKey, delete: true })).toBe('backspace');
    expect(keyName(' ', noKey)).toBe('space');
    expect(keyName('', { ...noKey, pageDown: true })).toBe('pgdn');
  });

  it('gives a multi-character paste no key name, so it can never trigger a command', () => {
    expect(keyName('qq', noKey)).toBeNull();
    expect(keyName('hello world', noKey)).toBeNull();
  });
});
