// Worker thread body for the interactive app's background analysis (background.ts): one job at a
// time, answered with its output or the message of what went wrong.
import { parentPort } from 'node:worker_threads';
import { runJob, type BackgroundJob } from './backgroundJobs.js';

export interface JobRequest {
  id: number;
  job: BackgroundJob;
}
export interface JobResponse {
  id: number;
  output?: unknown;
  error?: string;
}

parentPort?.on('message', ({ id, job }: JobRequest) => {
  let response: JobResponse;
  try {
    response = { id, output: runJob(job) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
