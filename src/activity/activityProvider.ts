// The Activity view (`swas.activity`): one row per long operation, newest first, with its
// target, start time, a live elapsed time, its steps (children) and outcome. A one-second
// ticker redraws the running rows only while there are some.
import * as vscode from 'vscode';
import type { ActivityEntry, ActivityStep } from '../core/activity/activityLog';
import { formatElapsed } from '../core/activity/activityLog';
import { canRetry } from '../core/activity/resourceOp';
import { escape } from '../tree/snapshotNode';
import { activityKindLabel, failureReason, outcomeLabel, stepLabel } from './activityLabels';
import type { ActivityStore } from './activityStore';

export interface ActivityRow {
  readonly entryId: string;
  readonly step?: number;
}

const ICONS: Record<ActivityEntry['outcome'], [string, string | undefined]> = {
  running: ['loading~spin', undefined],
  succeeded: ['pass', 'testing.iconPassed'],
  failed: ['error', 'errorForeground'],
};

export class ActivityProvider implements vscode.TreeDataProvider<ActivityRow>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ActivityRow | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly rows = new Map<string, ActivityRow>();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly store: ActivityStore,
    private readonly now: () => number = Date.now,
  ) {
    this.sub = store.onDidChange(() => {
      this.emitter.fire(undefined);
      this.syncTicker();
    });
    this.syncTicker();
  }

  row(entryId: string): ActivityRow {
    let r = this.rows.get(entryId);
    if (!r) this.rows.set(entryId, (r = { entryId }));
    return r;
  }

  getChildren(row?: ActivityRow): ActivityRow[] {
    if (!row) {
      const all = this.store.all();
      const keep = new Set(all.map((e) => e.id));
      for (const id of [...this.rows.keys()]) if (!keep.has(id)) this.rows.delete(id);
      return all.map((e) => this.row(e.id));
    }
    const e = this.store.get(row.entryId);
    if (!e || row.step !== undefined || e.steps.length < 2) return [];
    return e.steps.map((_, i) => ({ entryId: e.id, step: i }));
  }

  getParent(row: ActivityRow): ActivityRow | undefined {
    return row.step === undefined ? undefined : this.row(row.entryId);
  }

  getTreeItem(row: ActivityRow): vscode.TreeItem {
    const e = this.store.get(row.entryId);
    if (!e) return new vscode.TreeItem('');
    if (row.step !== undefined) return stepItem(e, row.step);
    const label = `${activityKindLabel(e.kind)}: ${e.target.name || e.target.id}`;
    const item = new vscode.TreeItem(
      label,
      e.steps.length > 1 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `activity/${e.id}`;
    const elapsed = formatElapsed((e.finishedAt ?? this.now()) - e.startedAt);
    const active = e.steps.find((s) => s.state === 'active');
    const progress = e.outcome === 'running' && typeof e.machine?.progress === 'number' ? ` ${e.machine.progress} %` : '';
    const state = e.outcome === 'running' && active ? `${stepLabel(active.label)}…${progress}` : outcomeLabel(e);
    item.description = `${state} · ${elapsed} · ${new Date(e.startedAt).toLocaleTimeString()}`;
    const [icon, color] = e.errorCode === 'swas.stillCreating' ? ['watch', undefined] : ICONS[e.outcome];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = ['activity', e.outcome, e.target.kind, ...(canRetry(e) ? ['retryable'] : [])].join(' ');
    item.command = { command: 'swas.activity.reveal', title: vscode.l10n.t('Reveal'), arguments: [{ entryId: e.id }] };
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(label)}** — ${escape(outcomeLabel(e))}\n\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Region')}: ${escape(e.target.regionId)}\n- ID: \`${e.target.id}\`\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Started')}: ${escape(new Date(e.startedAt).toLocaleString())} (${elapsed})\n`);
    if (e.requestId) md.appendMarkdown(`- RequestId: \`${e.requestId}\`\n`);
    const why = failureReason(e);
    if (why) md.appendMarkdown(`- ${vscode.l10n.t('Error')}: ${escape(why)}\n`);
    item.tooltip = md;
    item.accessibilityInformation = { label: `${label}, ${state}, ${elapsed}` };
    return item;
  }

  private syncTicker(): void {
    const running = this.store.unfinished().length > 0;
    if (running && !this.ticker) {
      this.ticker = setInterval(() => {
        for (const e of this.store.unfinished()) this.emitter.fire(this.row(e.id));
      }, 1000);
    } else if (!running && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.sub.dispose();
    this.emitter.dispose();
  }
}

function stepItem(e: ActivityEntry, index: number): vscode.TreeItem {
  const step: ActivityStep | undefined = e.steps[index];
  const item = new vscode.TreeItem(step ? stepLabel(step.label) : '');
  const icon =
    step?.state === 'done' ? 'check' : step?.state === 'active' ? 'loading~spin' : step?.state === 'failed' ? 'close' : 'circle-outline';
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = 'activityStep';
  item.id = `activity/${e.id}/${index}`;
  return item;
}
