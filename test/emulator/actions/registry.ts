// Action name → operation. One file per operation beside this one.
import type { ActionDef } from './action';
import { createCustomImage } from './createCustomImage';
import { createSnapshot } from './createSnapshot';
import { listCustomImages } from './listCustomImages';
import { listDisks } from './listDisks';
import { listInstanceStatus } from './listInstanceStatus';
import { listInstances } from './listInstances';
import { listRegions } from './listRegions';
import { listSnapshots } from './listSnapshots';

const ALL: ActionDef[] = [
  listRegions, listInstances, listInstanceStatus, listDisks, listSnapshots, createSnapshot, listCustomImages, createCustomImage,
];

const BY_NAME = new Map(ALL.map((a) => [a.name, a]));

export function findAction(name: string): ActionDef | undefined {
  return BY_NAME.get(name);
}

export function actionNames(): string[] {
  return [...BY_NAME.keys()];
}
