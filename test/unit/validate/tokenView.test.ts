import { describe, expect, it } from 'vitest';
import { analyzerFor, createAnalyzer, resolveModel } from '../../../src/core/validate/index.js';
import { tokenView } from '../../../src/core/validate/tokenView.js';

const s = (content: unknown) => ({ role: 'system', content });
const u = (content: unknown) => ({ role: 'user', content });
const a = (content: unknown, weight?: number) => ({ role: 'assistant', content, ...(weight !== undefined && { weight }) });
const call = (id: string, name: unknown, args: unknown) => ({ id, type: 'function', function: { name, arguments: args } });

// Shapes where a second tokenizer pass could drift from the engine: masked turns, tool calls (named,
// nameless, non-string arguments), legacy function calls, text parts beside an image, preference
// outputs, messages that are not objects, unicode split across tokens.
const EXAMPLES: Record<string, unknown> = {
  plain: { messages: [{ role: 'system', content: 'You are terse.' }, u('Hello there'), a('General Kenobi.')] },
  masked: { messages: [u('Hi'), a('Masked reply', 0), u('Again'), a('Trained reply', 1), u('Once more'), a('Third', 0.5)] },
  toolCalls: {
    messages: [
      u('Weather in Paris and Rome?'),
      { role: 'assistant', tool_calls: [call('c1', 'get_weather', '{"city":"Paris"}'), call('c2', 'get_weather', '{"city":"Rome"}')] },
      { role: 'tool', tool_call_id: 'c1', content: '20C' },
      { role: 'tool', tool_call_id: 'c2', content: '24C' },
      a('Paris 20C, Rome 24C.'),
    ],
  },
  odd_calls: { messages: [u('x'), { role: 'assistant', content: 'Let me look.', tool_calls: [call('c1', '', '{"q":1}'), call('c2', 'f', { q: 1 }), 'nope'] }, a('Done', 0)] },
  functionCall: { messages: [u('Sum 2 and 3'), { role: 'assistant', function_call: { name: 'add', arguments: '{"a":2,"b":3}' } }, { role: 'function', name: 'add', content: '5' }, a('5')] },
  parts: { messages: [u([{ type: 'text', text: 'What is' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }, { type: 'text', text: ' in this picture?' }]), a([{ type: 'text', text: 'A cat' }, { type: 'text', text: ' on a mat.' }])] },
  notObjects: { messages: ['hello', u('Q'), null, a('A')] },
  unicode: { messages: [u('日本語のテキスト 🎌'), a('はい、わかりました。🙇‍♂️')] },
  preference: {
    input: { messages: [{ role: 'system', content: 'Be kind.' }, u('Rate my poem')] },
    preferred_output: [a('It has lovely imagery.')],
    non_preferred_output: [a('It is bad.')],
  },
};

describe('the token view', () => {
  it.each(['gpt-4.1-mini', 'gpt-3.5-turbo-0125'])('counts trained and assistant tokens exactly as the engine does (%s)', (model) => {
    const facts = resolveModel(model)!;
    const analyzer = analyzerFor(facts);
    for (const [name, example] of Object.entries(EXAMPLES)) {
      const figures = analyzer.analyze(example, 1).figures!;
      const view = tokenView(example, facts.encoding)!;
      expect({ name, trained: view.counts.trained }).toEqual({ name, trained: figures.trainedTokens });
      expect({ name, assistant: view.counts.trained + view.counts.masked }).toEqual({ name, assistant: figures.assistantTokens });
      // Context text is part of the engine's context figure, which also holds roles and formatting.
      expect(view.counts.context + view.counts.masked).toBeLessThanOrEqual(figures.contextTokens);
    }
  });

  it('splits trained, masked and context tokens message by message', () => {
    const view = tokenView(EXAMPLES.masked, 'o200k_base')!;
    expect(view.segments.map((s) => s.kind)).toEqual(['context', 'masked', 'context', 'trained', 'context', 'trained']);
    expect(view.segments[1]!.tokens.join('')).toBe('Masked reply');
    expect(view.counts.masked).toBe(view.segments[1]!.tokens.length);
  });

  it('shows two calls in one message as the one parallel call the model writes, its header apart', () => {
    const view = tokenView(EXAMPLES.toolCalls, 'o200k_base')!;
    const calls = view.segments[1]!;
    expect(calls).toMatchObject({ role: 'assistant', kind: 'trained', fixed: 3 });
    expect(calls.tokens.join('')).toBe(
      'multi_tool_use.parallel{"tool_uses":[{"recipient_name":"functions.get_weather","parameters":{"city":"Paris"}},{"recipient_name":"functions.get_weather","parameters":{"city":"Rome"}}]}',
    );
  });

  it('shows one call as its function name and arguments, and the definitions as the namespace the model reads', () => {
    const weather = { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
    const example = { messages: [s('Be brief.'), u('Paris?'), { role: 'assistant', tool_calls: [call('c1', 'get_weather', '{"city":"Paris"}')] }], tools: [{ type: 'function', function: weather }] };
    const view = tokenView(example, 'o200k_base')!;
    expect(view.segments.map((x) => `${x.role}:${x.kind}`)).toEqual(['tools:context', 'system:context', 'user:context', 'assistant:trained']);
    expect(view.segments[0]!.tokens.join('')).toBe('namespace functions {\n\n// Weather now\ntype get_weather = (_: {\ncity: string,\n}) => any;\n\n} // namespace functions');
    expect(view.segments[3]!.tokens.join('')).toBe('get_weather{"city":"Paris"}');
    const figures = createAnalyzer({ model: 'gpt-4.1-mini' }).analyze(example, 1).figures!;
    expect(view.segments[0]!.count + view.segments[0]!.fixed).toBe(figures.toolDefinitionTokens);
    expect(view.segments[3]!.count + view.segments[3]!.fixed).toBe(figures.toolCallTokens);
  });

  it('treats a preference example as context input and two trained outputs', () => {
    const view = tokenView(EXAMPLES.preference, 'o200k_base')!;
    expect(view.segments.map((s) => `${s.role}:${s.kind}`)).toEqual(['system:context', 'user:context', 'preferred:trained', 'non-preferred:trained']);
    expect(view.segments[3]!.tokens.join('')).toBe('It is bad.');
  });

  it('keeps every character: the tokens of a message join back to its text', () => {
    const view = tokenView(EXAMPLES.unicode, 'o200k_base')!;
    expect(view.segments[0]!.tokens.length).toBeGreaterThan(3);
    expect(view.segments.map((s) => s.tokens.join(''))).toEqual(['日本語のテキスト 🎌', 'はい、わかりました。🙇‍♂️']);
  });

  it('has nothing to show for a value that is not an example', () => {
    expect(tokenView([1, 2], 'o200k_base')).toBeNull();
    expect(tokenView({ prompt: 'x', completion: 'y' }, 'o200k_base')).toBeNull();
    expect(tokenView('text', 'o200k_base')).toBeNull();
  });
});
