// The benchmark datasets: generated once into bench/data (not committed), realistic in the way
// that matters for token counting, with messages mostly distinct (messageCounts says how many).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** bench/data/<name>-100k.jsonl (generated on first use) and its first 10,000 lines. */
export async function benchFiles(benchDir: string, name: 'plain' | 'synthetic'): Promise<{ full: string; slice: string }> {
  const full = join(benchDir, 'data', `${name}-100k.jsonl`);
  const slice = join(benchDir, 'data', `${name}-10k.jsonl`);
  if (!existsSync(full)) {
    console.log(`generating ${full} (once)…`);
    const args = [join(benchDir, '..', 'scripts', 'gen-dataset.ts'), '--out', full, ...(name === 'plain' ? ['--plain'] : [])];
    const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error('gen-dataset failed');
  }
  if (!existsSync(slice)) await firstLines(full, slice, 10_000);
  return { full, slice };
}

export async function firstLines(from: string, to: string, count: number): Promise<void> {
  const out = createWriteStream(to);
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(from) })) {
    if (n++ === count) break;
    out.write(`${line}\n`);
  }
  await new Promise((r) => out.end(r));
}

/** Examples, messages and distinct message contents (by hash, so 100k examples fit in memory). */
export async function messageCounts(path: string): Promise<{ examples: number; messages: number; distinct: number }> {
  const seen = new Set<string>();
  let examples = 0;
  let messages = 0;
  for await (const line of createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }) })) {
    if (!line) continue;
    examples++;
    const value = JSON.parse(line) as { messages?: Array<{ content?: unknown }> };
    for (const m of value.messages ?? []) {
      messages++;
      seen.add(createHash('md5').update(typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? null)).digest('base64'));
    }
  }
  return { examples, messages, distinct: seen.size };
}
