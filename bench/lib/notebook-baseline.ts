// The cookbook notebook, ported straight onto tiktoken, timed on its own process.
// The notebook throws on tool-calling examples (content null) and on `weight` (a number), so those
// examples are left out and counted.
import { loadJsonl, runNotebook } from '../cookbookNotebook.js';

const [path, encoding, limit] = process.argv.slice(2) as [string, 'o200k_base' | 'cl100k_base', string];
const all = loadJsonl(path) as Array<{ messages: Array<Record<string, unknown>> }>;
const usable = all.filter((e) => e.messages.every((m) => typeof m.content === 'string' && !('tool_calls' in m) && !('tool_call_id' in m) && !('weight' in m)));
const result = runNotebook(usable, encoding, Number(limit));
console.log(JSON.stringify({ examples: usable.length, skipped: all.length - usable.length, billingTokens: result.billingTokens }));
