import type { CommandModule } from './types.js';

// Each subcommand's module is loaded only when it runs: loading them all (the sandbox's server,
// the job and chat commands) made every `ftui validate` in CI start ~40 ms later for nothing.
const jobActions = async () => (await import('./jobs.js')).jobActionCommands;
const LOADERS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  cancel: jobActions,
  pause: jobActions,
  resume: jobActions,
  chat: async () => (await import('./chat.js')).chatCommand,
  jobs: async () => (await import('./jobs.js')).jobsCommand,
  sandbox: async () => (await import('./sandbox.js')).sandboxCommand,
  train: async () => (await import('./train.js')).trainCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  watch: async () => (await import('./watch.js')).watchCommand,
};

/** Every subcommand name, in the order `ftui --help` lists them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(LOADERS);

/**
 * The modules to register for these arguments (process.argv after the script): only the named
 * command's when the first argument is one, else all of them (the screens, `--help`, `help X`,
 * global options before the command, a mistyped command that commander should suggest for).
 */
export async function commandModulesFor(args: readonly string[]): Promise<CommandModule[]> {
  const first = args[0];
  const only = first !== undefined && Object.hasOwn(LOADERS, first) ? LOADERS[first] : undefined;
  const loaders = only ? [only] : [...new Set(Object.values(LOADERS))];
  return Promise.all(loaders.map((load) => load()));
}
