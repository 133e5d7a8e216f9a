// What Azure OpenAI asks of a training file beyond JSONL (its fine-tuning guide): UTF-8 with a
// byte-order mark, at most 512 MB. The connected app and `ftui validate --provider azure` both
// report against it; the upload sends a converted copy.
import type { FileRules } from '../types.js';

export const AZURE_FILE_RULES: FileRules = { bom: 'required', maxBytes: 512 * 1024 * 1024, source: 'Azure OpenAI' };
