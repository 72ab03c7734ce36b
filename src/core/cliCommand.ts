// "Copy as aliyun CLI command": the equivalent `aliyun swas-open CreateCustomImage …` line for
// what the form holds. POSIX-shell quoted; never any credential or ClientToken (running the
// line is a new submission of its own).

import type { CreateCustomImageParams } from './model';

/** What the form holds: the API call's parameters without the ClientToken. */
export type CliImageParams = Omit<CreateCustomImageParams, 'clientToken'>;

const SAFE = /^[A-Za-z0-9_\-.:/=@,+%]+$/;

/** Quote a word for sh/bash/zsh: bare when safe, else single quotes with `'\''` for quotes. */
export function shellQuote(word: string): string {
  if (SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function buildCliCommand(p: CliImageParams): string {
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
  return ['aliyun', 'swas-open', 'CreateCustomImage', ...args.map(([k, v]) => `--${k} ${shellQuote(v)}`)].join(' ');
}
