import { InvalidArgumentError, type Command } from 'commander';
import { FAULT_KINDS, isFaultKind, type ServerFault } from '../sandbox/faults.js';
import { SANDBOX_PROTOCOLS, startSandbox, type SandboxProtocol, type SandboxServer } from '../sandbox/server.js';
import { redact } from '../core/redact.js';
import type { CommandModule } from './types.js';

interface SandboxFlags {
  protocol: SandboxProtocol;
  port: number;
  speed: number;
  stateDir?: string;
  fault: ServerFault[];
  slowMs: number;
  quiet?: boolean;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('port must be a whole number from 0 to 65535 (0 picks a free one).');
  return n;
}

function speed(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 10_000) throw new InvalidArgumentError('speed must be a number above 0 (2 = twice as fast, 0.5 = half).');
  return n;
}

function milliseconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 600_000) throw new InvalidArgumentError('slow-ms must be a whole number of milliseconds up to 600000.');
  return n;
}

function protocol(value: string): SandboxProtocol {
  if (!(SANDBOX_PROTOCOLS as readonly string[]).includes(value)) throw new InvalidArgumentError(`protocol must be one of ${SANDBOX_PROTOCOLS.join(', ')}.`);
  return value as SandboxProtocol;
}

/** `KIND` or `KIND@/path/prefix`, repeatable. */
function fault(value: string, previous: ServerFault[]): ServerFault[] {
  const [kind = '', path] = value.split('@');
  if (!isFaultKind(kind)) throw new InvalidArgumentError(`unknown fault '${kind}'; use one of ${FAULT_KINDS.join(', ')}, optionally @/path (e.g. 429@/fine_tuning/jobs).`);
  if (path !== undefined && !path.startsWith('/')) throw new InvalidArgumentError(`the path after @ must start with /, got '${path}'.`);
  return [...previous, { kind, pathPrefix: path ?? null }];
}

const SERVICE: Record<SandboxProtocol, string> = { openai: 'OpenAI', together: 'Together AI', nebius: 'Nebius Token Factory', azure: 'Azure OpenAI' };

/** How to point ftui at this sandbox, per protocol. */
function pointAt(server: SandboxServer): string[] {
  const { baseUrl } = server;
  switch (server.protocol) {
    case 'together':
      return [`    TOGETHER_BASE_URL=${baseUrl} TOGETHER_API_KEY=sandbox ftui`];
    case 'nebius':
      return [`    NEBIUS_BASE_URL=${baseUrl} NEBIUS_API_KEY=sandbox ftui`];
    case 'azure': {
      const profile = {
        name: 'azure-sandbox',
        kind: 'azure',
        baseUrl: baseUrl.replace(/\/v1$/, ''),
        apiKeyEnv: 'AZURE_OPENAI_API_KEY',
        subscriptionId: 'sandbox-subscription',
        resourceGroup: 'sandbox-rg',
        accountName: 'sandbox-account',
        tenantId: 'sandbox-tenant',
        managementEndpoint: server.management!.origin,
        authorityHost: server.management!.origin,
        caFile: server.management!.certFile,
      };
      return [
        '    add this profile to profiles.json in ftui\'s config folder, then',
        '    AZURE_OPENAI_API_KEY=sandbox ftui --profile azure-sandbox',
        '',
        `    ${JSON.stringify(profile)}`,
        '',
        `  Deployments are managed at ${server.management!.origin} (HTTPS, its certificate in ${server.management!.certFile}).`,
      ];
    }
    case 'openai':
      return [`    OPENAI_BASE_URL=${baseUrl} OPENAI_API_KEY=sandbox ftui`];
  }
}

function banner(server: SandboxServer, flags: SandboxFlags): string {
  const rule = '='.repeat(72);
  const deploys = flags.protocol === 'together' ? ', endpoints' : flags.protocol === 'openai' ? '' : ', deployments';
  const lines = [
    rule,
    `  ftui SANDBOX — a local imitation of ${SERVICE[flags.protocol]}'s fine-tuning API.`,
    `  It TRAINS NOTHING: jobs, losses${deploys} and models are simulated, chat replies are made up.`,
    '  Never mistake it for the real service.',
    rule,
    `  Listening on ${server.baseUrl} (loopback only)`,
    `  A job takes about ${Math.round(20 / flags.speed)} s (--speed ${flags.speed}); state ${flags.stateDir ? `kept in ${flags.stateDir}` : 'in memory only'}.`,
  ];
  if (flags.fault.length > 0) lines.push(`  Faults on: ${flags.fault.map((f) => f.kind + (f.pathPrefix ? `@${f.pathPrefix}` : '')).join(', ')}`);
  lines.push('', '  Point ftui at it:', ...pointAt(server), '', '  Ctrl+C stops it.', '');
  return lines.join('\n');
}

function logRequest(method: string, path: string, status: number): void {
  const time = new Date().toISOString().slice(11, 19);
  // A path could carry anything a client put in it, a key included.
  process.stdout.write(redact(`${time} SANDBOX ${method} ${path} ${status === 0 ? 'dropped' : status}\n`));
}

export const sandboxCommand: CommandModule = {
  register(program: Command) {
    program
      .command('sandbox')
      .description('serve a local SANDBOX that speaks OpenAI\'s (or Together AI\'s, Nebius\'s, Azure\'s) fine-tuning protocol for tests and demos (it trains nothing)')
      .option('--protocol <name>', `the API it speaks: ${SANDBOX_PROTOCOLS.join(' or ')}`, protocol, 'openai' as SandboxProtocol)
      .option('-p, --port <n>', 'port on 127.0.0.1 (0 picks a free one)', port, 8787)
      .option('--speed <x>', 'run simulated time x times faster (a job takes about 20 s at 1)', speed, 1)
      .option('--state-dir <dir>', 'keep files, jobs and models in this directory across restarts')
      .option('--fault <kind[@/path]>', `answer with a fault (${FAULT_KINDS.join(', ')}), optionally only under a path; repeatable`, fault, [])
      .option('--slow-ms <ms>', 'how long the slow fault holds each request', milliseconds, 3000)
      .option('-q, --quiet', 'do not print a line per request')
      .action(async (flags: SandboxFlags) => {
        let server;
        try {
          server = await startSandbox({
            protocol: flags.protocol,
            port: flags.port,
            speed: flags.speed,
            stateDir: flags.stateDir ?? null,
            faults: flags.fault,
            slowMs: flags.slowMs,
            ...(!flags.quiet && { onRequest: logRequest }),
          });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const message = code === 'EADDRINUSE' ? `port ${flags.port} is in use; pick another with --port (0 picks a free one).` : (error as Error).message;
          process.stderr.write(redact(`ftui sandbox: ${message}\n`));
          process.exitCode = 2;
          return;
        }
        process.stdout.write(banner(server, flags));
        const stop = (): void => {
          void server.close().then(() => process.stdout.write('ftui sandbox: stopped.\n'));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
  },
};
