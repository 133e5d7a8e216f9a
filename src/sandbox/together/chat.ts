// /chat/completions on the Together protocol: base models answer serverless; a fine-tune answers
// only through a started dedicated endpoint (by the endpoint's name or the fine-tune's), and each
// request counts as activity for the endpoint's inactivity timeout. Replies are the same made-up,
// repeatable text as the OpenAI-protocol sandbox's.
import { createHash } from 'node:crypto';
import { replyText, pieces, stream } from '../chat.js';
import { ApiError, invalid, readJson, seconds } from '../http.js';
import { BASE_MODELS, findBaseModel } from './catalog.js';
import type { TogetherHandler } from './context.js';
import { servingEndpoint } from './endpoints.js';
import { fineTunedOutput } from './fineTunes.js';

const approxTokens = (s: string): number => Math.max(1, Math.ceil(s.length / 4));

export const chatCompletions: TogetherHandler = async (ctx) => {
  const { tg, req } = ctx;
  const body = await readJson(req);
  const model = body.model;
  if (typeof model !== 'string' || model === '') throw invalid("Missing required parameter: 'model'.", 'model');
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw invalid("'messages' must be a non-empty array.", 'messages');
  const endpoint = servingEndpoint(tg, model);
  if (endpoint) tg.state.endpointRuns[endpoint.id]!.lastUsedMs = tg.clock.now();
  else if (!findBaseModel(model)) {
    if (fineTunedOutput(tg, model) || tg.state.endpoints.some((e) => e.name === model || e.model === model)) {
      throw new ApiError(
        400,
        `Unable to access non-serverless model ${model}. Create and start a dedicated endpoint for the model (POST /endpoints), then try again.`,
        'invalid_request_error',
        'model_not_available',
        'model',
      );
    }
    throw new ApiError(404, `Unable to access model ${model}. Please visit https://api.together.ai/models to view the list of supported models.`, 'invalid_request_error', 'model_not_available', 'model');
  }
  const maxTokens = body.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null && (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)) {
    throw invalid("'max_tokens' must be a positive integer.", 'max_tokens');
  }
  let parts = pieces(replyText(model, messages));
  let finish: 'stop' | 'length' = 'stop';
  if (typeof maxTokens === 'number' && parts.length > maxTokens) {
    parts = parts.slice(0, maxTokens);
    finish = 'length';
  }
  const prompt = messages.reduce<number>((n, m) => n + 3 + approxTokens(JSON.stringify(m)), 3);
  const usage = { prompt_tokens: prompt, completion_tokens: parts.length, total_tokens: prompt + parts.length };
  const id = createHash('sha256').update(model).update(JSON.stringify(messages)).digest('hex').slice(0, 16);
  const created = seconds(tg.clock.now());
  if (body.stream === true) {
    // Together puts usage on the last chunk without being asked.
    await stream(ctx, { id, created, model, parts, finish, usage });
    return undefined;
  }
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    prompt: [],
    choices: [{ index: 0, message: { role: 'assistant', content: parts.join('') }, finish_reason: finish, logprobs: null }],
    usage,
  };
};

/** GET /models: the serverless chat models (the fine-tunable bases here), as ModelInfo. */
export const listModels: TogetherHandler = () =>
  BASE_MODELS.map((m) => ({
    id: m.name,
    object: 'model',
    created: 1721000000,
    type: 'chat',
    display_name: m.name.split('/').pop(),
    organization: m.name.split('/')[0],
    context_length: m.contextLength,
    pricing: { hourly: 0, input: 0.18, output: 0.18, base: 0, finetune: 0 },
  }));
