// Tool definitions and calls rendered as the model reads them: the text whose tokens the
// estimate counts.
import { describe, expect, it } from 'vitest';
import { renderCalls, renderFunctionDefinitions, renderType } from '../../../src/core/validate/toolRender.js';
import { createAnalyzer } from '../../../src/core/validate/index.js';

describe('definitions', () => {
  it('renders the namespace with descriptions as comments, optional parameters marked, enums as unions', () => {
    const text = renderFunctionDefinitions([
      {
        name: 'get_current_weather',
        description: 'Get the current weather in a given location',
        parameters: {
          type: 'object',
          properties: {
            location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
            unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          },
          required: ['location'],
        },
      },
      { name: 'ping' },
    ]);
    expect(text).toBe(
      [
        'namespace functions {',
        '',
        '// Get the current weather in a given location',
        'type get_current_weather = (_: {',
        '// The city and state, e.g. San Francisco, CA',
        'location: string,',
        'unit?: "celsius" | "fahrenheit",',
        '}) => any;',
        '',
        'type ping = () => any;',
        '',
        '} // namespace functions',
      ].join('\n'),
    );
  });

  it('renders nested objects indented, arrays, numbers, unions and schemas it cannot read', () => {
    expect(renderType({ type: 'integer' }, 0)).toBe('number');
    expect(renderType({ type: 'integer', enum: [1, 2] }, 0)).toBe('1 | 2');
    expect(renderType({ type: 'array', items: { type: 'string' } }, 0)).toBe('string[]');
    expect(renderType({ type: 'array' }, 0)).toBe('any[]');
    expect(renderType({ type: 'array', items: { type: ['string', 'null'] } }, 0)).toBe('(string | null)[]');
    expect(renderType({ anyOf: [{ type: 'string' }, { type: 'number' }] }, 0)).toBe('string | number');
    expect(renderType({ type: 'object' }, 0)).toBe('object');
    expect(renderType({ $ref: '#/defs/x' }, 0)).toBe('any');
    // Descriptions are comments at the top level only, as the public reconstructions have it.
    expect(renderType({ type: 'object', properties: { a: { type: 'boolean', description: 'A flag' } }, required: ['a'] }, 0)).toBe('{\n  a: boolean,\n}');
    expect(renderType({ type: 'object', properties: { b: { type: 'object', properties: { c: { type: 'null' } } } } }, 0)).toBe('{\n  b?: {\n    c?: null,\n  },\n}');
  });
});

describe('calls', () => {
  it('addresses one call to its function, with its arguments as the text', () => {
    expect(renderCalls([{ name: 'takeoff_drone', arguments: '{"altitude": 100}' }])).toEqual({ recipient: 'functions.takeoff_drone', text: '{"altitude": 100}' });
  });

  it('writes several calls as one parallel call', () => {
    expect(renderCalls([{ name: 'a', arguments: '{"x":1}' }, { name: 'b', arguments: 'not json' }])).toEqual({
      recipient: 'multi_tool_use.parallel',
      text: '{"tool_uses":[{"recipient_name":"functions.a","parameters":{"x":1}},{"recipient_name":"functions.b","parameters":"not json"}]}',
    });
  });
});

describe('the estimate in the engine', () => {
  const analyzer = createAnalyzer({ model: 'gpt-4.1-mini' });
  const weather = { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

  it('counts definitions and calls apart, for tools and the legacy functions alike', () => {
    const call = { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] };
    const tools = analyzer.analyze({ messages: [{ role: 'user', content: 'Paris?' }, call], tools: [{ type: 'function', function: weather }] }, 1).figures!;
    const legacy = analyzer.analyze({ messages: [{ role: 'user', content: 'Paris?' }, { role: 'assistant', function_call: { name: 'get_weather', arguments: '{"city":"Paris"}' } }], functions: [weather] }, 1).figures!;
    const count = (text: string) => analyzer.countTokens(text);
    const rendered = count(renderFunctionDefinitions([weather]));
    expect(tools.toolDefinitionTokens).toBe(rendered + 9); // no system message: nothing shared with its framing
    expect(tools.toolCallTokens).toBe(3 + count('get_weather') + count('{"city":"Paris"}'));
    expect(legacy.toolDefinitionTokens).toBe(tools.toolDefinitionTokens);
    expect(legacy.toolCallTokens).toBe(tools.toolCallTokens);
    expect(tools.estimatedToolTokens).toBe(tools.toolDefinitionTokens + tools.toolCallTokens);
  });

  it('says in the report which estimate the tool figures come from', async () => {
    const { ReportBuilder } = await import('../../../src/core/validate/index.js');
    const builder = new ReportBuilder(analyzer.model);
    builder.add(analyzer.analyze({ messages: [{ role: 'user', content: 'x' }, { role: 'assistant', content: 'y' }], tools: [{ type: 'function', function: weather }] }, 1));
    const report = builder.build({ path: null, format: 'memory', bytes: 0 });
    expect(report.figures.toolEstimator).toMatch(/rendered/);
    expect(report.figures.estimatedToolDefinitionTokens).toBeGreaterThan(0);
  });
});
