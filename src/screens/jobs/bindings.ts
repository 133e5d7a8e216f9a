import type { Binding } from '../../keys/types.js';

/** The jobs screen's keys: its handlers, the ? overlay and the status bar hints read this table. */
export const jobsBindings: readonly Binding[] = [];
