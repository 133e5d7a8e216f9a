// Every finding code with its severity and a default one-line fix hint. Severity is a property of
// the code, so the same problem is always an error (the API rejects it) or always a warning (the
// API accepts it but it costs money or quality).
import type { Finding, FindingCode, Severity } from './types.js';

interface CatalogEntry {
  severity: Severity;
  hint: string;
}

export const FINDING_CATALOG: Readonly<Record<FindingCode, CatalogEntry>> = {
  together_role_not_allowed: { severity: 'error', hint: 'Together takes the roles system, user and assistant only: fold tool turns into user or assistant text.' },
  together_roles_not_alternating: { severity: 'error', hint: 'After the optional system message, alternate user and assistant: merge the two messages in a row.' },
  together_no_assistant: { severity: 'error', hint: 'Add the assistant reply the model should learn; Together refuses a conversation without one.' },
  together_content_not_string: { severity: 'error', hint: 'Give the message a "role" and a text "content" (Together takes no content parts or tool calls here).' },
  together_weight_invalid: { severity: 'error', hint: 'Set "weight" to 0 (context only) or 1 (train on it).' },
  together_extra_column: { severity: 'error', hint: 'Remove the key: Together refuses lines with keys beyond their format\'s (messages; prompt/completion; text; input/preferred_output/non_preferred_output).' },
  together_unknown_format: { severity: 'error', hint: 'Use one format for every line: {"messages": [...]}, {"prompt", "completion"}, {"text"} or a preference pair.' },
  together_mixed_formats: { severity: 'error', hint: 'Keep one format in the file: convert these lines to the first line\'s format, or move them to a file of their own.' },
  together_preference_shape: { severity: 'error', hint: 'Give preferred_output and non_preferred_output exactly one assistant message each, and end input.messages with a user turn.' },
  file_unreadable: { severity: 'error', hint: 'Check the path and that you may read the file.' },
  empty_file: { severity: 'error', hint: 'Add examples: one JSON object per line.' },
  not_jsonl_json_array: {
    severity: 'error',
    hint: 'The API needs JSONL: write one example per line (ftui validate FILE --write-jsonl OUT converts it).',
  },
  not_jsonl_json_document: {
    severity: 'error',
    hint: 'The API needs JSONL: put each example on one line (ftui validate FILE --write-jsonl OUT converts it).',
  },
  invalid_utf8: { severity: 'error', hint: 'Re-save the file as UTF-8.' },
  invalid_json: { severity: 'error', hint: 'Fix the JSON syntax at the column shown; each line must be one complete JSON object.' },
  blank_line: { severity: 'warning', hint: 'Remove blank lines; every line should be one example.' },
  file_bom: { severity: 'warning', hint: 'Save the file as UTF-8 without a byte order mark (the Validate screen can strip it).' },
  file_too_large: { severity: 'error', hint: 'Split the dataset: the service refuses a training file this large.' },
  line_too_long: { severity: 'error', hint: 'ftui analyses lines up to 16 MiB: split the example, or link its images by URL instead of inlining them.' },
  line_not_analysed: { severity: 'error', hint: 'Split or shorten the example: analysing it needed more memory than ftui allows one line.' },
  nesting_too_deep: { severity: 'error', hint: 'Flatten the data: no fine-tuning example needs arrays and objects nested this deep.' },
  duplicate_key: { severity: 'warning', hint: 'Keep one of the two values: JSON parsers disagree on which one wins.' },
  lone_surrogate: {
    severity: 'warning',
    hint: 'Remove the lone \\uD800-\\uDFFF escape or add its pair: the service replaces or rejects text UTF-8 cannot encode.',
  },
  crlf_line_endings: { severity: 'warning', hint: 'Use \\n line ends; some tools keep the \\r inside the last value (the Validate screen can convert them).' },

  data_type: { severity: 'error', hint: 'Each line must be a JSON object like {"messages": [...]}.' },
  missing_messages_list: { severity: 'error', hint: 'Add a non-empty "messages" array of {"role", "content"} objects.' },
  message_missing_key: { severity: 'error', hint: 'Give every message a "role" and a "content" (assistant tool calls may omit content).' },
  message_unrecognized_key: {
    severity: 'error',
    hint: 'Messages may only have role, content, name, weight, tool_calls, tool_call_id and function_call.',
  },
  unrecognized_role: { severity: 'error', hint: 'Use one of the roles system, user, assistant, tool, function.' },
  missing_content: { severity: 'error', hint: 'Give the message non-empty text content.' },
  example_missing_assistant_message: { severity: 'error', hint: 'Add the assistant reply the model should learn.' },
  example_missing_system_message: {
    severity: 'warning',
    hint: 'Optional, but use the same system prompt in training as in production.',
  },
  example_missing_user_message: { severity: 'warning', hint: 'Most examples should start the conversation with a user message.' },
  example_over_token_limit: {
    severity: 'warning',
    hint: 'Shorten the example; tokens past the model limit are truncated away but still billed up to the limit.',
  },

  too_few_examples: { severity: 'error', hint: 'Fine-tuning needs at least 10 examples; 50-100 good ones usually help more.' },
  duplicate_example: { severity: 'warning', hint: 'Remove the copy; duplicates over-weight one example and cost tokens.' },
  validation_overlaps_training: {
    severity: 'warning',
    hint: 'Remove it from one of the files; shared examples make validation loss look better than it is.',
  },
  mixed_formats: { severity: 'error', hint: 'Keep chat (messages) and preference (DPO) examples in separate files.' },

  example_unrecognized_key: { severity: 'warning', hint: 'Remove the key; the API ignores or rejects keys it does not know.' },
  legacy_prompt_completion: {
    severity: 'error',
    hint: 'prompt/completion is the legacy format: convert to {"messages": [user, assistant]}.',
  },
  message_not_object: { severity: 'error', hint: 'Each entry of "messages" must be an object with role and content.' },
  key_not_allowed_for_role: { severity: 'error', hint: 'Move the key to a message of the right role or remove it.' },
  invalid_name: { severity: 'error', hint: '"name" must be a non-empty string of letters, digits, _ and - (at most 64).' },
  invalid_weight: { severity: 'error', hint: '"weight" must be 0 (do not learn this turn) or 1 (learn it).' },
  weight_on_non_assistant: { severity: 'error', hint: 'Only assistant messages may carry "weight"; remove it here.' },
  no_trainable_assistant_message: { severity: 'error', hint: 'Give at least one assistant message weight 1 (or no weight).' },
  consecutive_assistant_messages: {
    severity: 'warning',
    hint: 'Merge the two assistant turns or put the user turn between them.',
  },
  system_message_not_first: { severity: 'warning', hint: 'Put the system message first in the conversation.' },
  last_message_not_assistant: {
    severity: 'warning',
    hint: 'End with the assistant turn to learn; trailing messages are billed but teach nothing.',
  },

  invalid_tools: { severity: 'error', hint: '"tools" must be an array of {"type": "function", "function": {"name", "parameters"}}.' },
  invalid_parallel_tool_calls: { severity: 'error', hint: '"parallel_tool_calls" must be true or false.' },
  parallel_tool_calls_disabled: {
    severity: 'error',
    hint: 'With "parallel_tool_calls": false an assistant message may make only one tool call.',
  },
  invalid_tool_call: {
    severity: 'error',
    hint: 'Each tool call needs "id", "type": "function" and "function": {"name", "arguments" (a JSON string)}.',
  },
  tool_call_arguments_invalid_json: { severity: 'error', hint: '"arguments" must be a string holding valid JSON, e.g. "{\\"city\\": \\"Paris\\"}".' },
  tool_call_unknown_function: { severity: 'warning', hint: 'Call only functions defined in this example\'s "tools".' },
  duplicate_tool_call_id: { severity: 'warning', hint: 'Give each tool call in an example its own id.' },
  tool_message_missing_call_id: { severity: 'error', hint: 'Give the tool message the "tool_call_id" of the call it answers.' },
  tool_message_unknown_call_id: {
    severity: 'error',
    hint: 'Answer only tool calls made by an earlier assistant message (match its "id").',
  },
  invalid_functions: { severity: 'error', hint: '"functions" must be an array of {"name", "description", "parameters"}.' },
  invalid_function_call: { severity: 'error', hint: '"function_call" must be {"name": string, "arguments": JSON string}.' },
  functions_and_tools: { severity: 'warning', hint: 'Use "tools" only; "functions" is the legacy form.' },

  invalid_content_part: {
    severity: 'error',
    hint: 'Content parts are {"type": "text", "text": ...} or {"type": "image_url", "image_url": {"url": ...}}.',
  },
  too_many_images: { severity: 'error', hint: 'Use at most 10 images per example; split it.' },
  image_in_assistant_message: { severity: 'error', hint: 'Images may appear in user and system messages only.' },
  invalid_image_url: { severity: 'error', hint: 'Use an https URL or a data:image/png|jpeg|webp;base64,... URL.' },
  unsupported_image_type: { severity: 'error', hint: 'Use JPEG, PNG or WEBP images.' },

  dpo_missing_field: {
    severity: 'error',
    hint: 'Preference examples need "input" {"messages"}, "preferred_output" and "non_preferred_output".',
  },
  dpo_invalid_input: { severity: 'error', hint: '"input.messages" must be a conversation ending with a user message.' },
  dpo_invalid_output: {
    severity: 'error',
    hint: 'Each output must be exactly one assistant message with text content (single turn, no tool calls).',
  },
  dpo_identical_outputs: { severity: 'warning', hint: 'Make the preferred and non-preferred outputs differ; identical pairs teach nothing.' },

  special_token_in_text: {
    severity: 'warning',
    hint: 'Remove tokenizer control strings like <|endoftext|>; they are trained as plain text.',
  },
  bom_in_text: { severity: 'warning', hint: 'Remove the invisible U+FEFF (byte order mark) from the text.' },
  control_character_in_text: {
    severity: 'warning',
    hint: 'Remove the control character: it is usually a key (Backspace, Escape) captured as text, and costs tokens.',
  },
  possible_secret: { severity: 'warning', hint: 'Remove or redact the credential; training data can be reproduced by the model.' },
  contact_pii: { severity: 'warning', hint: 'Redact personal contact details unless the model must learn them.' },
};

export function makeFinding(
  code: FindingCode,
  line: number | null,
  path: string | null,
  message: string,
  extra?: { column?: number; hint?: string },
): Finding {
  const entry = FINDING_CATALOG[code];
  const finding: Finding = { code, severity: entry.severity, line, path, message, hint: extra?.hint ?? entry.hint };
  if (extra?.column !== undefined) finding.column = extra.column;
  return finding;
}
