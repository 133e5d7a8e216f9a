import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/core/validate/index.js';
import type { ExampleResult } from '../../../src/core/validate/index.js';
import { repoRoot } from '../../helpers/tmux.js';
import { SECRETS } from '../../../src/core/validate/rules/text.js';
import { seededRandom } from '../../../src/core/seededRandom.js';

const analyzer = createAnalyzer({ model: 'gpt-4.1-mini' });
const cl100k = createAnalyzer({ model: 'gpt-3.5-turbo-0125' });
const o200k = createAnalyzer({ model: 'gpt-4o-mini-2024-07-18' });

// tiktoken (OpenAI's Rust core as WASM) as the independent oracle for counts.
const o200kOracle = get_encoding('o200k_base');
const countO200k = (s: string): number => o200kOracle.encode_ordinary(s).length;

const sys = { role: 'system', content: 'You are terse.' };
const user = { role: 'user', content: 'Hello there' };
const assistant = { role: 'assistant', content: 'Hi.' };

function codes(result: ExampleResult): string[] {
  return result.findings.map((f) => f.code);
}
function find(result: ExampleResult, code: string) {
  return result.findings.find((f) => f.code === code);
}

describe('chat examples', () => {
  it('accepts a plain conversation with no findings', () => {
    const r = analyzer.analyze({ messages: [sys, user, assistant] }, 1);
    expect(r.findings).toEqual([]);
    expect(r.kind).toBe('chat');
    expect(r.worst).toBeNull();
  });

  it('bills 1 per example and 3 + role + content per message; trains only assistant tokens', () => {
    const r = analyzer.analyze({ messages: [sys, user, assistant] }, 1);
    const t = (s: string) => countO200k(s);
    const expected = 1 + [sys, user, assistant].reduce((n, m) => n + 3 + t(m.role) + t(m.content), 0);
    expect(r.figures?.billedTokens).toBe(expected);
    expect(r.figures?.trainedTokens).toBe(t('Hi.'));
    expect(r.figures?.contextTokens).toBe(expected - t('Hi.'));
    // The notebook's count: 3 per message + every value + 3 — two more per example than the bill here.
    expect(r.figures?.cookbookTokens).toBe(expected + 2);
  });

  it('reports the notebook checks per message, with the field path', () => {
    const r = analyzer.analyze(
      { messages: [{ role: 'user' }, { role: 'robot', content: 'x', extra: 1 }, { role: 'user', content: '' }] },
      7,
    );
    expect(codes(r)).toEqual(
      expect.arrayContaining(['message_missing_key', 'missing_content', 'message_unrecognized_key', 'unrecognized_role', 'example_missing_assistant_message']),
    );
    expect(find(r, 'unrecognized_role')).toMatchObject({ line: 7, path: 'messages[1].role', severity: 'error' });
    expect(r.findings.filter((f) => f.code === 'missing_content').map((f) => f.path)).toEqual(['messages[0].content', 'messages[2].content']);
    expect(r.worst).toBe('error');
  });

  it('flags data that is not an example', () => {
    expect(codes(analyzer.analyze([1, 2], 1))).toEqual(['data_type']);
    expect(codes(analyzer.analyze({ messages: [] }, 1))).toEqual(['missing_messages_list']);
    expect(codes(analyzer.analyze({ prompt: 'a', completion: 'b' }, 1))).toEqual(['legacy_prompt_completion']);
  });

  it('checks weight: 0 or 1, assistant only, and something left to train', () => {
    const r = analyzer.analyze({ messages: [{ ...user, weight: 1 }, { ...assistant, weight: 0.5 }] }, 1);
    expect(find(r, 'weight_on_non_assistant')?.path).toBe('messages[0].weight');
    expect(find(r, 'invalid_weight')?.path).toBe('messages[1].weight');
    const masked = analyzer.analyze({ messages: [user, { ...assistant, weight: 0 }] }, 1);
    expect(codes(masked)).toContain('no_trainable_assistant_message');
    expect(masked.figures?.trainedTokens).toBe(0);
    expect(masked.figures?.assistantTokens).toBeGreaterThan(0);
  });

  it('checks role order', () => {
    const r = analyzer.analyze({ messages: [user, assistant, assistant, user, sys] }, 1);
    expect(codes(r)).toEqual(expect.arrayContaining(['consecutive_assistant_messages', 'system_message_not_first', 'last_message_not_assistant']));
  });

  it('flags whitespace-only content', () => {
    const r = analyzer.analyze({ messages: [sys, { role: 'user', content: '  \n ' }, assistant] }, 1);
    expect(find(r, 'missing_content')?.message).toContain('only whitespace');
  });
});

describe('tools and function calling', () => {
  const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Weather.', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
  const call = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } };

  it('accepts assistant tool calls without content, which the notebook rejects', () => {
    const r = analyzer.analyze(
      { tools, messages: [sys, user, { role: 'assistant', tool_calls: [call] }, { role: 'tool', tool_call_id: 'call_1', content: '3°C' }, assistant] },
      1,
    );
    expect(r.findings).toEqual([]);
    expect(r.figures?.estimatedToolTokens).toBeGreaterThan(0);
  });

  it('flags bad arguments, unknown functions and unanswered ids', () => {
    const r = analyzer.analyze(
      {
        tools,
        parallel_tool_calls: false,
        messages: [
          user,
          { role: 'assistant', tool_calls: [{ ...call, function: { name: 'nope', arguments: '{city:' } }, { ...call, id: 'call_1' }] },
          { role: 'tool', tool_call_id: 'call_9', content: 'x' },
          assistant,
        ],
      },
      3,
    );
    expect(codes(r)).toEqual(
      expect.arrayContaining(['tool_call_unknown_function', 'tool_call_arguments_invalid_json', 'duplicate_tool_call_id', 'tool_message_unknown_call_id', 'parallel_tool_calls_disabled']),
    );
    expect(find(r, 'tool_call_arguments_invalid_json')?.path).toBe('messages[1].tool_calls[0].function.arguments');
  });

  it('matches the prompt tokens the API returned for the cookbook token-counting vectors', () => {
    const vectors = JSON.parse(readFileSync(join(repoRoot, '..', 'shared', 'datasets', 'cookbook', 'count_tokens_api_vectors.json'), 'utf8')) as {
      cases: Array<{ id: string; messages: unknown[]; tools?: unknown[]; expected_prompt_tokens: Record<string, number> }>;
    };
    for (const c of vectors.cases) {
      for (const [label, expected] of Object.entries(c.expected_prompt_tokens)) {
        const a = label.includes('cl100k') ? cl100k : o200k;
        // The API's prompt count is the notebook's formula (3 per message + values + 1 per name + 3)
        // plus the function-definition estimate; our figures expose both parts.
        const example = { messages: [...c.messages, { role: 'assistant', content: '' }], ...(c.tools && { tools: c.tools }) };
        const r = a.analyze(example, 1);
        const assistantOverhead = 3 + a.countTokens('assistant');
        expect(r.figures!.cookbookTokens - assistantOverhead + r.figures!.estimatedToolTokens, `${c.id} ${label}`).toBe(expected);
      }
    }
  });
});

describe('content parts and images', () => {
  it('accepts text and image parts and counts images apart', () => {
    const content = [
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
    ];
    const r = analyzer.analyze({ messages: [{ role: 'user', content }, assistant] }, 1);
    expect(codes(r)).toEqual(['example_missing_system_message']);
    expect(r.figures?.images).toBe(1);
  });

  it('rejects images in assistant messages, bad types and more than 10 images', () => {
    const image = { type: 'image_url', image_url: { url: 'data:image/gif;base64,AAAA' } };
    const r = analyzer.analyze({ messages: [{ role: 'user', content: Array(11).fill(image) }, { role: 'assistant', content: [image] }] }, 1);
    expect(codes(r)).toEqual(expect.arrayContaining(['unsupported_image_type', 'too_many_images', 'image_in_assistant_message']));
  });
});

describe('preference (DPO) examples', () => {
  const good = {
    input: { messages: [user] },
    preferred_output: [{ role: 'assistant', content: 'Good answer' }],
    non_preferred_output: [{ role: 'assistant', content: 'Bad answer' }],
  };

  it('recognises and counts them', () => {
    const r = analyzer.analyze(good, 1);
    expect(r.kind).toBe('preference');
    expect(r.findings).toEqual([]);
    expect(r.figures?.trainedTokens).toBe(analyzer.countTokens('Good answer') + analyzer.countTokens('Bad answer'));
  });

  it('flags multi-turn outputs, identical outputs and missing fields', () => {
    expect(codes(analyzer.analyze({ ...good, preferred_output: [good.preferred_output[0], good.preferred_output[0]] }, 1))).toContain('dpo_invalid_output');
    expect(codes(analyzer.analyze({ ...good, non_preferred_output: good.preferred_output }, 1))).toContain('dpo_identical_outputs');
    expect(codes(analyzer.analyze({ input: good.input }, 1))).toEqual(['dpo_missing_field']);
  });
});

describe('text checks', () => {
  it('warns about special tokens, a BOM, secrets and contact details', () => {
    const text = 'Mail bob@example.com or call +1 415 555 0100 <|endoftext|> \uFEFF key sk-proj-abcdefghijklmnopqrstuvwxyz123';
    const r = analyzer.analyze({ messages: [sys, { role: 'user', content: text }, assistant] }, 4);
    expect(codes(r)).toEqual(expect.arrayContaining(['special_token_in_text', 'bom_in_text', 'possible_secret', 'contact_pii']));
    expect(r.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(JSON.stringify(r.findings)).not.toContain('abcdefghijklmnopqrstuvwxyz123');
  });

  it.each([
    ['an OpenAI API key', 'use sk-proj-abcdefghijklmnopqrstuvwxyz123 here'],
    ['an AWS access key id', 'id AKIAIOSFODNN7EXAMPLE ok'],
    ['a GitHub token', 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789 ok'],
    ['a Slack token', 'xoxb-1234567890-abcdef'],
    ['a Google API key', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE'],
    ['a password in a URL', 'see HTTPS://admin:hunter2@db.example.com/x'],
  ])('finds %s behind its cheap pre-check', (name, text) => {
    const r = analyzer.analyze({ messages: [sys, { role: 'user', content: text }, assistant] }, 1);
    expect(r.findings.find((f) => f.code === 'possible_secret')?.message).toContain(name);
  });
});

describe('secret pre-checks', () => {
  // The cheap searches before each pattern must never hide a match: the first pattern that
  // matches, in SECRETS' order, is what every text reports, pre-checks or not.
  it('report what running every pattern on every text would, on texts built to near-miss them', () => {
    const pieces = ['sk-', 'sk', '-', 'proj-', 'abcdefghijklmnopqrstuvwxyz0123', 'AKIA', 'ASIA', 'IOSFODNN7EXAMPLE', 'I', 'A', 'ghp_', 'gh', '_', 'github_pat_', 'x'.repeat(50),
      'xoxb-', 'xox', '1234567890', 'AIza', 'Iza', 'SyA1234567890abcdefghijklmnopqrstuv', '-----BEGIN ', 'RSA ', 'PRIVATE KEY-----', 'https://', '://', 'admin:hunter2', '@', 'db.example.com', ' ', '\n', 'é'];
    const random = seededRandom(5);
    const found = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const expected = SECRETS.find((s) => s.pattern.test(text))?.name;
      const r = analyzer.analyze({ messages: [sys, { role: 'user', content: text }, assistant] }, 1);
      const message = r.findings.find((f) => f.code === 'possible_secret')?.message;
      expect(message === undefined ? undefined : SECRETS.find((s) => message.includes(s.name))?.name, JSON.stringify(text)).toBe(expected);
      if (expected) found.add(expected);
    }
    expect([...found].sort()).toEqual(SECRETS.map((s) => s.name).sort());
  });
});

describe('control characters in text', () => {
  it('warn with the line, the path and the first character, and leave tab and newline alone', () => {
    const r = analyzer.analyze({ messages: [sys, { role: 'user', content: 'Hi\u007F\u007F\u007Fthere' }, { role: 'assistant', content: 'a\tb\nc\r\n' }] }, 7);
    const found = r.findings.filter((f) => f.code === 'control_character_in_text');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 7, path: 'messages[1].content' });
    expect(found[0]!.message).toBe('The text contains 3 control characters, the first U+007F at character 3.');
  });
});

describe('raw lines', () => {
  it('reports invalid JSON at its column and blank lines', () => {
    const r = analyzer.analyzeText('{"messages": [{"role": "user", "content": "hi"}, ]}', 12);
    expect(r.kind).toBe('unparsed');
    expect(r.findings[0]).toMatchObject({ code: 'invalid_json', line: 12, column: 50 });
    expect(analyzer.analyzeText('   ', 2).kind).toBe('blank');
  });

  it('gives equal hashes to equal examples', () => {
    const a = analyzer.analyzeText(JSON.stringify({ messages: [user, assistant] }), 1);
    const b = analyzer.analyzeText(` ${JSON.stringify({ messages: [user, assistant] })}`, 2);
    expect(a.contentHash).toBe(b.contentHash);
  });

  it('refuses a model it has no data for', () => {
    expect(() => createAnalyzer({ model: 'gpt-9' })).toThrow(/no data for this model: gpt-9/);
  });
});
