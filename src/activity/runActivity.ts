// Run Command runs in the Activity view: one row per server, running from RunCommand to the
// run's final status, with its exit code, InvokeId and RequestId (src/core/activity/runRow.ts).
// No Retry: running the command again is the retry. A row the window stopped following (the
// user cancelled the wait) ends as "still running when we stopped waiting".
import { randomUUID } from 'node:crypto';
import { runRowPatch } from '../core/activity/runRow';
import type { RunOutcome, RunTarget } from '../core/remote/runOnServers';
import type { ActivityStore } from './activityStore';

export class RunActivity {
  private readonly rows = new Map<string, string>();

  constructor(
    private readonly activity: ActivityStore,
    targets: readonly RunTarget[],
    private readonly now: () => number = Date.now,
  ) {
    const startedAt = now();
    for (const t of targets) {
      const e = activity.add({
        id: randomUUID(),
        kind: 'runCommand',
        target: { regionId: t.regionId, kind: 'instance', id: t.instanceId, name: t.instanceName || t.instanceId },
        startedAt,
        outcome: 'running',
        steps: [{ label: 'runCommand', state: 'active' }],
      });
      this.rows.set(t.instanceId, e.id);
    }
  }

  update(o: RunOutcome): void {
    const id = this.rows.get(o.target.instanceId);
    const cur = id === undefined ? undefined : this.activity.get(id);
    if (!id || !cur || cur.outcome !== 'running') return;
    const next = runRowPatch(o, cur.params);
    if (next.outcome === 'running') this.activity.update(id, next.patch);
    else if (next.outcome === 'succeeded') this.activity.succeed(id, this.now(), next.patch);
    else this.activity.fail(id, this.now(), next.error, next.patch);
  }

  /** The wait is over (finished or cancelled): rows not final yet stopped being followed. */
  end(outcomes: readonly RunOutcome[] = []): void {
    for (const o of outcomes) this.update(o);
    for (const id of this.rows.values()) {
      if (this.activity.get(id)?.outcome === 'running') this.activity.fail(id, this.now(), { code: 'swas.stillRunning' });
    }
  }
}
