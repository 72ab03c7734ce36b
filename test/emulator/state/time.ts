// ISO 8601 UTC without milliseconds, as SWAS writes times.
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
