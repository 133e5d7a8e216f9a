// `ftui validate` in CI loads only the validate command's module, and the loader table stays true
// to what each module registers.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandModulesFor } from '../../../src/commands/index.js';

const registered = async (args: string[]) => {
  const program = new Command('ftui');
  for (const module of await commandModulesFor(args)) module.register(program);
  return program.commands.map((command) => command.name());
};

describe('commandModulesFor', () => {
  it('registers only the named command when the first argument is one', async () => {
    expect(await registered(['validate', 'data.jsonl', '--json'])).toEqual(['validate']);
    expect(await registered(['sandbox', '--port', '0'])).toEqual(['sandbox']);
  });

  it('names, for every command, the module that registers it', async () => {
    for (const name of COMMAND_NAMES) expect(await registered([name])).toContain(name);
  });

  it('registers every command, in the help order, for anything else', async () => {
    const all = ['cancel', 'pause', 'resume', 'chat', 'jobs', 'sandbox', 'train', 'validate', 'watch'];
    for (const args of [[], ['--help'], ['help', 'validate'], ['data.jsonl'], ['--profile', 'p', 'validate'], ['valdate']]) {
      expect(await registered(args)).toEqual(all);
    }
    expect([...COMMAND_NAMES].sort()).toEqual([...all].sort());
  });
});
