import { describe, expect, it } from 'vitest';
import { allBindings, bindingsFor, commandFor } from '../../../src/keys/bindings.js';
import { globalBindings } from '../../../src/keys/globalBindings.js';
import { SCREENS } from '../../../src/store/slices/ui.js';

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
