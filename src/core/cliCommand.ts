// "Copy as aliyun CLI command": the equivalent `aliyun swas-open CreateCustomImage …` line for
// what the form holds, quoted for a POSIX shell / bash / zsh, or for PowerShell. Never any
// credential or ClientToken (running the line is a new submission of its own).

import type { CreateCustomImageParams } from './model';

/** What the form holds: the API call's parameters without the ClientToken. */
export type CliImageParams = Omit<CreateCustomImageParams, 'clientToken'>;

export type CliShell = 'posix' | 'powershell';

/**
 * Characters no POSIX shell, bash or zsh changes anywhere in a word. Left out on purpose: `=`
 * (zsh expands a word starting with `=`), `%` (job specs), `~`, `@`, `+`, `,` (brace/array
 * contexts) and every glob, quote, expansion and separator character.
 */
const POSIX_SAFE = /^[A-Za-z0-9_./:-]+$/;
/** The same for PowerShell, which also splits on `,`, splats `@`, and takes `-…`/`--%` as its own. */
const POWERSHELL_SAFE = /^[A-Za-z0-9_./:][A-Za-z0-9_./:-]*$/;

/** Quote a word for sh/bash/zsh: bare when safe, else single quotes with `'\''` for quotes. */
export function shellQuote(word: string): string {
  if (POSIX_SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Quote a word for PowerShell: bare when safe, else a single-quoted string, in which PowerShell
 * expands nothing; each single quote (PowerShell also counts ‘ ’ ‚ ‛ as one) is doubled.
 */
export function powerShellQuote(word: string): string {
  if (POWERSHELL_SAFE.test(word)) return word;
  return `'${word.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

export function buildCliCommand(p: CliImageParams, shell: CliShell = 'posix'): string {
  const quote = shell === 'powershell' ? powerShellQuote : shellQuote;
  const args: Array<[string, string]> = [
    ['RegionId', p.regionId],
    ['InstanceId', p.instanceId],
    ['ImageName', p.imageName],
    ['SystemSnapshotId', p.systemSnapshotId],
  ];
  if (p.dataSnapshotId) args.push(['DataSnapshotId', p.dataSnapshotId]);
  if (p.description) args.push(['Description', p.description]);
  if (p.resourceGroupId) args.push(['ResourceGroupId', p.resourceGroupId]);
  (p.tags ?? []).forEach((t, i) => {
    args.push([`Tag.${i + 1}.Key`, t.key]);
    args.push([`Tag.${i + 1}.Value`, t.value]);
  });
  return ['aliyun', 'swas-open', 'CreateCustomImage', ...args.map(([k, v]) => `--${k} ${quote(v)}`)].join(' ');
}
