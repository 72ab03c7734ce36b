// Formatting of tree descriptions. Pure: callers pass already-localized words.
export const SEPARATOR = ' · ';

/** Joins the non-empty parts with " · ". */
export function joinParts(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p.trim() !== '').join(SEPARATOR);
}

/** ISO 8601 → "YYYY-MM-DD HH:mm" in the local time zone; unparsable input is returned as is. */
export function formatTime(iso: string, timeZoneOffsetMinutes?: number): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const offset = timeZoneOffsetMinutes ?? -new Date(ms).getTimezoneOffset();
  const d = new Date(ms + offset * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "Running · 47.96.1.2" — the IP part is left out when the server has none. */
export function instanceDescription(statusText: string, publicIp: string): string {
  return joinParts(statusText, publicIp);
}

/** "System · Accomplished · 2026-11-26 10:00", or "Data · Progressing 45% · …". */
export function snapshotDescription(diskText: string, statusText: string, progress: number | undefined, time: string): string {
  const status = progress !== undefined ? `${statusText} ${Math.max(0, Math.min(100, Math.round(progress)))}%` : statusText;
  return joinParts(diskText, status, time);
}

/** "2 / 12" */
export function quotaDescription(used: number, limit: number): string {
  return `${used} / ${limit}`;
}

/** Shortens long text for a label or description. */
export function ellipsize(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
