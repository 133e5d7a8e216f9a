// Public types of the validation engine. The Validate and Dataset screens and `ftui validate`
// code against these; add fields, never rename or remove them.

export type Severity = 'error' | 'warning';

/** Stable finding codes. The first group keeps the cookbook notebook's names. */
export type FindingCode =
  // Together's data rules (rules/together.ts), for its models only
  | 'together_role_not_allowed'
  | 'together_roles_not_alternating'
  | 'together_no_assistant'
  | 'together_content_not_string'
  | 'together_weight_invalid'
  | 'together_extra_column'
  | 'together_unknown_format'
  | 'together_preference_shape'
  | 'together_mixed_formats'
  // input (line reader)
  | 'file_unreadable'
  | 'empty_file'
  | 'not_jsonl_json_array'
  | 'not_jsonl_json_document'
  | 'invalid_utf8'
  | 'invalid_json'
  | 'blank_line'
  | 'file_bom'
  | 'file_too_large'
  | 'crlf_line_endings'
  | 'line_too_long'
  | 'line_not_analysed'
  | 'nesting_too_deep'
  | 'duplicate_key'
  | 'lone_surrogate'
  // cookbook notebook parity
  | 'data_type'
  | 'missing_messages_list'
  | 'message_missing_key'
  | 'message_unrecognized_key'
  | 'unrecognized_role'
  | 'missing_content'
  | 'example_missing_assistant_message'
  | 'example_missing_system_message'
  | 'example_missing_user_message'
  | 'example_over_token_limit'
  // dataset level
  | 'too_few_examples'
  | 'duplicate_example'
  | 'validation_overlaps_training'
  | 'mixed_formats'
  // example shape
  | 'example_unrecognized_key'
  | 'legacy_prompt_completion'
  | 'message_not_object'
  | 'key_not_allowed_for_role'
  | 'invalid_name'
  | 'invalid_weight'
  | 'weight_on_non_assistant'
  | 'no_trainable_assistant_message'
  | 'consecutive_assistant_messages'
  | 'system_message_not_first'
  | 'last_message_not_assistant'
  // tools and function calling
  | 'invalid_tools'
  | 'invalid_parallel_tool_calls'
  | 'parallel_tool_calls_disabled'
  | 'invalid_tool_call'
  | 'tool_call_arguments_invalid_json'
  | 'tool_call_unknown_function'
  | 'duplicate_tool_call_id'
  | 'tool_message_missing_call_id'
  | 'tool_message_unknown_call_id'
  | 'invalid_functions'
  | 'invalid_function_call'
  | 'functions_and_tools'
  // content parts and images
  | 'invalid_content_part'
  | 'too_many_images'
  | 'image_in_assistant_message'
  | 'invalid_image_url'
  | 'unsupported_image_type'
  // preference (DPO) examples
  | 'dpo_missing_field'
  | 'dpo_invalid_input'
  | 'dpo_invalid_output'
  | 'dpo_identical_outputs'
  // text content
  | 'special_token_in_text'
  | 'bom_in_text'
  | 'control_character_in_text'
  | 'possible_secret'
  | 'contact_pii';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** 1-based line in the file (or example number when the input was a JSON array); null for whole-file findings. */
  line: number | null;
  /** 1-based character column, for findings inside the raw line (invalid JSON, invalid UTF-8). */
  column?: number;
  /** JSON path inside the example, e.g. `messages[2].content`; null when the finding is about the whole line. */
  path: string | null;
  /** One sentence saying what is wrong, with the offending value when short. */
  message: string;
  /** One line saying how to fix it. */
  hint: string;
}

/** `chat`: {messages,...}; `preference`: DPO {input, preferred_output, non_preferred_output}. */
export type ExampleFormat = 'chat' | 'preference';

/** Token figures of one example, in the chosen model's encoding. */
export interface ExampleFigures {
  format: ExampleFormat;
  /** Messages in the conversation (for preference examples: input messages + 1). */
  messages: number;
  /** The notebook's count: 3 per message + tokens of every string value + 1 per name + 3. */
  cookbookTokens: number;
  /** The notebook's assistant count: tokens of every assistant message's string content. */
  cookbookAssistantTokens: number;
  /** Billed-token estimate, not capped: 1 + per message (3 + role + content [+ name + 1]) + tool estimates. */
  billedTokens: number;
  /** The part of billedTokens that is estimated from tool definitions, tool calls and function calls. */
  estimatedToolTokens: number;
  /** Of estimatedToolTokens: the definitions (`tools` / `functions`), counted from their rendering. */
  toolDefinitionTokens: number;
  /** Of estimatedToolTokens: the assistant messages' calls, counted as addressed messages. */
  toolCallTokens: number;
  /** Content + tool-call tokens of assistant messages with weight != 0 (preference: both outputs). */
  trainedTokens: number;
  /** billedTokens - trainedTokens. */
  contextTokens: number;
  /** Content + tool-call tokens of every assistant message, whatever its weight. */
  assistantTokens: number;
  /** Images in the example; their tokens are NOT included in any count above. */
  images: number;
  hasSystem: boolean;
  hasUser: boolean;
  hasAssistant: boolean;
  /** The service's own name for the line's format, where it wants one format per file (Together). */
  dataFormat?: string;
}

/** What one line (one example) gives: the unit the screens re-analyse when an example is edited. */
export interface ExampleResult {
  line: number;
  /** `unparsed`: the line is not a JSON value (see findings); `invalid`: JSON, but not an example shape we can count. */
  kind: ExampleFormat | 'unparsed' | 'invalid' | 'blank';
  findings: Finding[];
  /** null when the example cannot be counted (not an object, no messages list, ...). */
  figures: ExampleFigures | null;
  /** Hash of the example's canonical JSON; equal hashes mean exact duplicates. null for unparsed lines. */
  contentHash: string | null;
  /** The most severe finding: what the Dataset screen marks the example with. */
  worst: Severity | null;
}

export type { EncodingName } from '../tokenizer/index.js';
import type { EncodingName } from '../tokenizer/index.js';

export interface ModelFacts {
  /** Canonical snapshot name, e.g. `gpt-4.1-mini-2025-04-14`. */
  id: string;
  aliases: readonly string[];
  encoding: EncodingName;
  /** Maximum tokens per training example; longer examples are truncated (and billed at this). */
  tokenLimit: number;
  /**
   * USD per 1M training tokens; null where ftui knows no price it can cite (Nebius's open bases):
   * the cost is then the billed tokens only, and says so.
   */
  trainingPricePerMillion: number | null;
  /** ISO date the model (and its fine-tunes) shuts down, when announced. */
  shutdownDate: string | null;
  /** Constants of the cookbook's function-calling estimate for this family. Kept in the report's model facts; tools are now estimated from their rendering (rules/tools.ts), not from these. */
  toolTokens: { funcInit: number; propInit: number; propKey: number; enumInit: number; enumItem: number; funcEnd: number };
  /**
   * Tokens the model's chat template adds per example and per message, where they differ from
   * OpenAI's (1 and 3); see src/core/openModels.ts.
   */
  template?: { perExample: number; perMessage: number };
  /** The service's fixed default epochs, where it does not follow OpenAI's rule by dataset size. */
  defaultEpochs?: number;
  /** A service whose data rules replace or add to OpenAI's (src/core/validate/rules/together.ts). */
  dataRules?: 'together';
  /** The fewest examples the service takes (OpenAI: 10). */
  minExamples?: number;
  /** Set when counts in `encoding` only stand in for the model's own tokenizer: why, in words. */
  tokenEstimate?: string;
}

export interface Distribution {
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p5: number;
  p95: number;
  /** What the notebook prints as "p5 / p95" is really the 10th and 90th percentile. */
  p10: number;
  p90: number;
}

export interface HistogramBin {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound, except for the last bin which includes max. */
  to: number;
  count: number;
}

export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  /** Every occurrence, even when only the first ones are kept. */
  count: number;
  hint: string;
  /** First lines where it occurs (ascending, at most `ReportOptions.maxLinesPerCode`). */
  lines: number[];
  /** The first occurrences in full (at most `ReportOptions.maxFindingsPerCode`). */
  examples: Finding[];
}

/** The notebook's own figures, reproduced number for number (cl100k/o200k per model, its formula). */
export interface CookbookFigures {
  missingSystem: number;
  missingUser: number;
  messagesPerExample: Distribution | null;
  tokensPerExample: Distribution | null;
  assistantTokensPerExample: Distribution | null;
  overTokenLimit: number;
  /** sum(min(limit, cookbook tokens)) */
  billingTokens: number;
  defaultEpochs: number;
  /** billingTokens x defaultEpochs */
  chargedTokens: number;
}

export interface CostFigures {
  model: string;
  /** null: ftui knows no price for the model (see ModelFacts.trainingPricePerMillion). */
  pricePerMillion: number | null;
  epochs: number;
  epochsSource: 'default' | 'option';
  /** sum over examples of min(limit, billedTokens). */
  billedTokensPerEpoch: number;
  billedTokensTotal: number;
  /** null when the price is unknown: billedTokensTotal is the figure to multiply. */
  usd: number | null;
  /** True when tool definitions/calls contributed estimated tokens, or images were left out. */
  isEstimate: boolean;
}

export interface FileSummary {
  path: string | null;
  /** How the file was read: JSONL, or a whole JSON array / document (convert it before upload). */
  format: 'jsonl' | 'json-array' | 'json-document' | 'memory';
  bytes: number;
  lines: number;
  blankLines: number;
  examples: number;
  validExamples: number;
  examplesWithErrors: number;
  examplesWithWarnings: number;
  chatExamples: number;
  preferenceExamples: number;
}

export interface DatasetReport {
  /** Bumped only on incompatible changes to this shape (documented in README). */
  schemaVersion: 1;
  model: ModelFacts;
  file: FileSummary;
  errors: number;
  warnings: number;
  /** Grouped by code, errors first, then by count. */
  findings: FindingGroup[];
  figures: {
    messagesPerExample: Distribution | null;
    billedTokensPerExample: Distribution | null;
    assistantTokensPerExample: Distribution | null;
    trainedTokensPerExample: Distribution | null;
    histogram: HistogramBin[];
    totalBilledTokens: number;
    totalTrainedTokens: number;
    totalContextTokens: number;
    estimatedToolTokens: number;
    /** Of estimatedToolTokens: tool definitions, and assistant calls. */
    estimatedToolDefinitionTokens: number;
    estimatedToolCallTokens: number;
    /** How the tool figures were estimated (see README). */
    toolEstimator: string;
    images: number;
    overTokenLimit: number;
  };
  cookbook: CookbookFigures;
  cost: CostFigures;
}

export interface ValidationRun {
  training: DatasetReport;
  validation: DatasetReport | null;
  /** Worst outcome: `unreadable` when an input could not be read at all. */
  outcome: 'clean' | 'errors' | 'unreadable';
}

export interface AnalyzeOptions {
  /** Model id or alias; see MODELS in src/core/models.ts. */
  model: string;
}

export interface ReportOptions {
  /** Override the default-epochs heuristic. */
  epochs?: number;
  /** Findings kept in full per code (default 20). Counts are always complete. */
  maxFindingsPerCode?: number;
  /** Line numbers kept per code (default 1000). */
  maxLinesPerCode?: number;
  /** Histogram bins (default 10). */
  histogramBins?: number;
  /** The connected service's rules for the file itself (Azure: a BOM, at most 512 MB). */
  fileRules?: import('../domain.js').FileRules;
}

export interface ValidateFileOptions extends AnalyzeOptions, ReportOptions {
  /** Called now and then with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Worker threads beside this one (which analyses too); default: for a file over 32 MiB, one per core that stood idle while this thread worked alone for a moment. */
  workers?: number;
  /** Read the file with blocking reads when no workers run (only for a process with nothing else to do: the CLI). */
  blockingReads?: boolean;
}

/** Analyses one example at a time, synchronously, in one model's encoding (see createAnalyzer). */
export interface ExampleAnalyzer {
  readonly model: ModelFacts;
  /** A parsed JSON value (one JSONL line or one in-memory example) -> findings, figures, hash. */
  analyze(value: unknown, line: number): ExampleResult;
  /**
   * Raw line text -> the same, with invalid JSON reported at its line and column. `controlFree`:
   * the line's bytes showed that no string in it holds a control character (lineReader's
   * controlFree), so the text checks need not look for one.
   */
  analyzeText(text: string, line: number, controlFree?: boolean): ExampleResult;
  /** Tokens of a plain string in the model's encoding; special tokens count as ordinary text. */
  countTokens(text: string): number;
}
