import type { CommandModule } from './types.js';

// One line per subcommand module; keep the list sorted by command name.
export const commandModules: CommandModule[] = [];
