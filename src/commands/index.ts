import { chatCommand } from './chat.js';
import { jobActionCommands, jobsCommand } from './jobs.js';
import { sandboxCommand } from './sandbox.js';
import { trainCommand } from './train.js';
import type { CommandModule } from './types.js';
import { validateCommand } from './validate.js';
import { watchCommand } from './watch.js';

// One line per subcommand module; keep the list sorted by command name.
export const commandModules: CommandModule[] = [jobActionCommands, chatCommand, jobsCommand, sandboxCommand, trainCommand, validateCommand, watchCommand];
