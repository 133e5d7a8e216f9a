import { sandboxCommand } from './sandbox.js';
import type { CommandModule } from './types.js';
import { validateCommand } from './validate.js';

// One line per subcommand module; keep the list sorted by command name.
export const commandModules: CommandModule[] = [sandboxCommand, validateCommand];
