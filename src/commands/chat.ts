// `ftui chat -m MODEL [--system TEXT] [--compare MODEL2] [--once MESSAGE] [--json]`: the Chat
// screen from a script. With --once it prints the reply (both with --compare) and exits; without
// it, a line-based REPL on stdin/stdout. Exit 0 done, 1 a request was refused (an unknown model),
// 2 usage, connection or key.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CommandError, connect, EXIT, outputFor, runCommand, withConnectionOptions, type ConnectionFlags } from './connection.js';
import { chatOnce, chatRepl, type ChatSessionOptions } from './chatSession.js';
import type { CommandModule } from './types.js';

interface ChatFlags extends ConnectionFlags {
  model: string;
  system?: string;
  systemFile?: string;
  compare?: string;
  once?: string;
}

/** `--once -` reads the message from stdin, so a multi-line message can be piped in. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export const chatCommand: CommandModule = {
  register(program: Command) {
    withConnectionOptions(
      program
        .command('chat')
        .description('Chat with a model from a script: --once prints the reply and exits; without it, each line of stdin is a message (a line ending in \\ goes on). Exit 0 done, 1 refused (e.g. an unknown model), 2 usage or connection.')
        .requiredOption('-m, --model <model>', 'the model to chat with (a fine-tune, a checkpoint or a base model)')
        .option('--system <text>', 'the system prompt')
        .option('--system-file <file>', 'read the system prompt from a file')
        .option('--compare <model>', 'send every message to this model too and print both replies (the conversation goes on with --model\'s)')
        .option('--once <message>', 'send this one message, print the reply and exit ("-" reads it from stdin)'),
    ).action(async (_flags: ChatFlags, command: Command) => {
      const flags = command.optsWithGlobals<ChatFlags>();
      await runCommand('chat', async () => {
        if (flags.system !== undefined && flags.systemFile !== undefined) throw new CommandError('Give the system prompt with --system or --system-file, not both.', EXIT.usage);
        let system = flags.system ?? '';
        if (flags.systemFile !== undefined) {
          try {
            system = (await readFile(flags.systemFile, 'utf8')).replace(/\r?\n$/, '');
          } catch (error) {
            throw new CommandError(`--system-file ${flags.systemFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message)}`, EXIT.usage);
          }
        }
        const { provider } = await connect(flags);
        const out = outputFor();
        const options: ChatSessionOptions = {
          provider,
          model: flags.model,
          compare: flags.compare ?? null,
          system,
          json: Boolean(flags.json),
          paint: out.paint,
          write: (text) => void process.stdout.write(text),
          note: (text) => void process.stderr.write(text),
        };
        if (flags.once !== undefined) {
          const message = flags.once === '-' ? await readStdin() : flags.once;
          if (message.trim() === '') throw new CommandError('--once needs a message (or - to read it from stdin).', EXIT.usage);
          return chatOnce(options, message);
        }
        return chatRepl(options, process.stdin, Boolean(process.stdin.isTTY));
      });
    });
  },
};
