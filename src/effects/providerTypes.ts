// The provider contract as the Jobs and Chat screens use it: types only, from src/api/types.ts,
// so screens and effects never depend on an implementation.
export type {
  ChatDelta,
  ChatRequest,
  CheckpointRecord,
  FineTuningProvider,
  JobEvent,
  JobMetrics,
  JobRecord,
  JobStatus,
  ModelRecord,
  Page,
  ProviderErrorKind,
} from '../api/types.js';
