import type { ScreenId } from '../store/slices/ui.js';

/** Where a binding applies: everywhere, on one screen, or inside a modal. */
export type KeyScope = 'global' | ScreenId | 'help' | 'confirmQuit' | 'connections' | 'detail' | 'textField';

export interface Binding<C extends string = string> {
  command: C;
  /** Names as produced by the key decoder (src/keys/decode.ts): 'j', 'down', 'ctrl+s', 'shift+tab' ... */
  keys: readonly string[];
  description: string;
  scope: KeyScope;
  /** A word or two for the status bar's hints; bindings without one appear only in the ? overlay. */
  hint?: string;
}
