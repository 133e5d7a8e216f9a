// The CLI's first import: ES modules evaluate their imports before their own body, so the guard
// is in place before any other module of ours runs (see core/crashGuard.ts).
import { installCrashGuard } from './core/crashGuard.js';

installCrashGuard();
