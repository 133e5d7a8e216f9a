// The validation engine's public surface: the screens and `ftui validate` import from here only.
export type * from './types.js';
export { createAnalyzer, analyzerFor } from './analyzer.js';
export { ReportBuilder, defaultEpochs, type BuilderOptions, type FileInfo } from './report.js';
export { lineTooLongResult, validateFile, validateFiles, validateLines, validatePath, type FileValidation } from './validateFile.js';
export { MAX_LINE_BYTES } from './lineReader.js';
export { distribution, histogram } from './stats.js';
export { FINDING_CATALOG, makeFinding } from './findings.js';
export { MODELS, DEFAULT_MODEL, resolveModel, knownModelNames, UnknownModelError } from '../models.js';
