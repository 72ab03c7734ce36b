// The one place the lifecycle code reads a server status: case-insensitive (the API's enum
// casing is not reliable, fact sheet A1), so the status normalisation can change here alone.
export type ServerStatusWord = 'pending' | 'starting' | 'running' | 'stopping' | 'stopped' | 'resetting' | 'upgrading' | 'disabled';

export function statusWord(status: string): string {
  return status.trim().toLowerCase();
}

export function statusIs(status: string, ...words: ServerStatusWord[]): boolean {
  const w = statusWord(status);
  return words.some((x) => x === w);
}
