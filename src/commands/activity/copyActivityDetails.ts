// Copy Details of an Activity row (target, times, steps, outcome, RequestId; never a secret).
import * as vscode from 'vscode';
import { activityDetails } from '../../activity/activityLabels';
import type { Services } from '../../services';
import { activityEntry } from './activityTargets';

export async function copyActivityDetails(services: Services, arg: unknown): Promise<void> {
  const e = activityEntry(services, arg);
  if (e) await vscode.env.clipboard.writeText(activityDetails(e));
}
