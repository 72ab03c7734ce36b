// Server name rules for UpdateInstanceAttribute [SDK]: 2–50 characters; letters, digits, "_"
// and "-"; starts with a letter or digit; "domain names are supported" (so "." is allowed).
// Whether "letters" includes non-ASCII letters is not documented: those are left to the API.
export type InstanceNameProblem = 'length' | 'start' | 'chars';

const ASCII_BAD = /[\x00-\x7f]/u;

export function instanceNameProblem(name: string): InstanceNameProblem | undefined {
  const chars = [...name];
  if (chars.length < 2 || chars.length > 50) return 'length';
  const ok = (c: string): boolean => !ASCII_BAD.test(c) || /[A-Za-z0-9_.-]/.test(c);
  const first = chars[0] ?? '';
  if (!ok(first) || first === '_' || first === '-' || first === '.') return 'start';
  if (!chars.every(ok)) return 'chars';
  return undefined;
}
