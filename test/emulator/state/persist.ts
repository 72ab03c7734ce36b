// State file: loaded once, written atomically (temp file + rename). A corrupt file is refused
// and never overwritten.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { EmulatorState } from '../types';

export class StateFileError extends Error {}

export function validateState(value: unknown, source: string): EmulatorState {
  const v = value as Partial<EmulatorState> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.version !== 1 ||
    typeof v.accounts !== 'object' ||
    v.accounts === null ||
    !Array.isArray(v.credentials) ||
    typeof v.nextId !== 'number' ||
    typeof v.clockOffsetMs !== 'number'
  ) {
    throw new StateFileError(
      `${source} is not an emulator state file (expected {"version":1, "accounts", "credentials", "nextId", "clockOffsetMs"}).`,
    );
  }
  for (const [id, acc] of Object.entries(v.accounts)) {
    if (typeof acc !== 'object' || acc === null || typeof acc.regions !== 'object' || acc.regions === null) {
      throw new StateFileError(`${source}: account "${id}" has no regions object.`);
    }
    for (const [rid, r] of Object.entries(acc.regions)) {
      if (!Array.isArray(r.instances) || !Array.isArray(r.snapshots) || !Array.isArray(r.images)) {
        throw new StateFileError(`${source}: region "${rid}" of account "${id}" must have instances, snapshots and images arrays.`);
      }
    }
  }
  return { ...v, clientTokens: v.clientTokens ?? {} } as EmulatorState;
}

/** Reads a state or seed file; undefined when it does not exist. Throws StateFileError when corrupt. */
export function loadStateFile(path: string): EmulatorState | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new StateFileError(
      `${path} is not valid JSON (${(e as Error).message}); refusing to use or overwrite it. Move it away or fix it.`,
    );
  }
  return validateState(parsed, path);
}

export function saveStateFile(path: string, state: EmulatorState): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path);
}

/** Coalesces many changes into one write per turn of the event loop. */
export class Persister {
  private pending = false;
  constructor(
    private readonly path: string,
    private readonly get: () => EmulatorState,
  ) {}
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => this.flush());
  }
  flush(): void {
    if (!this.pending) return;
    this.pending = false;
    saveStateFile(this.path, this.get());
  }
}
