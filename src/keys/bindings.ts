import { confirmQuitBindings, connectionsBindings, detailBindings, globalBindings, helpBindings } from './globalBindings.js';
import { chatBindings } from '../screens/chat/bindings.js';
import { datasetBindings } from '../screens/dataset/bindings.js';
import { jobsBindings } from '../screens/jobs/bindings.js';
import { validateBindings } from '../screens/validate/bindings.js';
import { textFieldBindings } from './textFieldBindings.js';
import type { Binding, KeyScope } from './types.js';

// Each screen's table lives beside the screen (src/screens/<name>/bindings.ts).
const screenBindings: readonly Binding[] = [...datasetBindings, ...validateBindings, ...jobsBindings, ...chatBindings];

/** The one key table: the ? overlay, the status bar hints and every handler read from it. */
export const allBindings: readonly Binding[] = [
  ...globalBindings,
  ...helpBindings,
  ...confirmQuitBindings,
  ...connectionsBindings,
  ...detailBindings,
  ...screenBindings,
  ...textFieldBindings,
];

/** The command bound to `name` in `bindings`, or null. */
export function commandFor<C extends string>(bindings: readonly Binding<C>[], name: string | null): C | null {
  if (name === null) return null;
  for (const binding of bindings) if (binding.keys.includes(name)) return binding.command;
  return null;
}

export function bindingsFor(scope: KeyScope): readonly Binding[] {
  return allBindings.filter((b) => b.scope === scope);
}

/** How a key name is shown to people: 'ctrl+c' stays, 'pgdn' becomes 'PgDn', and so on. */
export function displayKey(name: string): string {
  return DISPLAY[name] ?? name;
}

const DISPLAY: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pgup: 'PgUp',
  pgdn: 'PgDn',
  home: 'Home',
  end: 'End',
  space: 'space',
};
