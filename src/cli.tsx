import './installCrashGuard.js';
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { commandModulesFor } from './commands/index.js';
import { redact, treatAsSecret } from './core/redact.js';

// The bin runs dist/cli.js; package.json sits one folder up from both dist/ and src/.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('ftui')
  .description('Author, validate, train, watch and chat with fine-tuned chat models, in the terminal.')
  .version(version, '-v, --version')
  .argument('[file]', 'dataset to open (JSONL); a file that does not exist yet starts a new dataset there')
  .addOption(new Option('--base-url <url>', 'API base URL (Azure OpenAI or any OpenAI-compatible service)').env('OPENAI_BASE_URL'))
  .option('--api-key-env <name>', 'environment variable that holds the API key (default OPENAI_API_KEY, or TOGETHER_API_KEY when only that is set)')
  .option('--profile <name>', 'use a saved connection profile from profiles.json in the config directory (overrides --base-url and --api-key-env)')
  .showHelpAfterError()
  .action(async (file: string | undefined, options: { baseUrl?: string; apiKeyEnv?: string; profile?: string }) => {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write(
        'ftui needs an interactive terminal for its screens. In scripts, use a subcommand such as `ftui validate FILE --json` (see ftui --help).\n',
      );
      process.exitCode = 2;
      return;
    }
    // The key variable is named now, before anything can fail and print or log its value.
    for (const name of [options.apiKeyEnv ?? 'OPENAI_API_KEY', 'TOGETHER_API_KEY']) treatAsSecret(name);
    // chalk decides colour support when first imported, so NO_COLOR must be applied before Ink loads.
    if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
    const { resolveStartConnection } = await import('./tui/resolveConnection.js');
    const { ProfilesError } = await import('./core/profiles.js');
    let start: Awaited<ReturnType<typeof resolveStartConnection>>;
    try {
      start = await resolveStartConnection(options, process.env);
    } catch (error) {
      if (!(error instanceof ProfilesError)) throw error;
      process.stderr.write(`${redact(error.message)}\n`);
      process.exitCode = 2;
      return;
    }
    const { runTui } = await import('./tui/run.js');
    const { appServices } = await import('./effects/appServices.js');
    const { connection, provider } = start;
    process.exitCode = await runTui({ file, connection, services: { ...(await appServices(connection)), provider } });
  });

for (const module of await commandModulesFor(process.argv.slice(2))) module.register(program);

await program.parseAsync();
