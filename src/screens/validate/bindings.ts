import type { Binding } from '../../keys/types.js';

/** The validate screen's keys: its handlers, the ? overlay and the status bar hints read this table. */
export const validateBindings: readonly Binding[] = [];
