import envPaths from 'env-paths';

/**
 * Where ftui keeps its files, per the platform's conventions (XDG on Linux). Each can be moved
 * with an environment variable, which is also how tests keep away from the real home.
 */
export interface AppPaths {
  /** Provider profiles. */
  config: string;
  /** Draft journals of unsaved datasets. */
  data: string;
  /** Crash logs. */
  log: string;
}

export function appPaths(env: NodeJS.ProcessEnv = process.env): AppPaths {
  const base = envPaths('ftui', { suffix: '' });
  return {
    config: env.FTUI_CONFIG_DIR || base.config,
    data: env.FTUI_DATA_DIR || base.data,
    log: env.FTUI_LOG_DIR || base.log,
  };
}
