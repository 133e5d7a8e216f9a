import type { Command } from 'commander';

/**
 * A scriptable subcommand (`ftui validate`, `ftui sandbox`, ...). Each lives in its own file
 * and reuses src/core or src/api; none of them imports ink or react, so CI runs stay lean.
 * `register` adds the command to the program; its action sets process.exitCode rather than
 * calling process.exit, so output streams drain before the process ends.
 */
export interface CommandModule {
  register(program: Command): void;
}
