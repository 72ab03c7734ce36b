// The Activity log kept in globalState (plain JSON, no secret), with a change event.
import * as vscode from 'vscode';
import type { ActivityEntry } from '../core/activity/activityLog';
import { ActivityLog, STORE_KEY } from '../core/activity/activityLog';

export class ActivityStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ActivityEntry | undefined>();
  readonly onDidChange = this.emitter.event;
  private log: ActivityLog;
  private saving: Promise<void> = Promise.resolve();
  /** Unfinished rows of an earlier window, not yet resumed. */
  private restored: Set<string>;

  constructor(private readonly memento: vscode.Memento) {
    this.log = ActivityLog.from(memento.get<unknown>(STORE_KEY));
    this.restored = new Set(this.log.unfinished().map((e) => e.id));
  }

  /** The unfinished rows an earlier window left (each handed out once). */
  takeRestored(): ActivityEntry[] {
    const out = this.log.unfinished().filter((e) => this.restored.has(e.id));
    this.restored.clear();
    return out;
  }

  all(): readonly ActivityEntry[] {
    return this.log.all();
  }
  get(id: string): ActivityEntry | undefined {
    return this.log.get(id);
  }
  unfinished(): ActivityEntry[] {
    return this.log.unfinished();
  }

  add(entry: ActivityEntry): ActivityEntry {
    this.log.add(entry);
    this.changed(undefined);
    return entry;
  }
  update(id: string, patch: Partial<Omit<ActivityEntry, 'id'>>): void {
    this.changed(this.log.update(id, patch));
  }
  succeed(id: string, now: number, patch?: Partial<ActivityEntry>): void {
    this.changed(this.log.succeed(id, now, patch));
  }
  fail(id: string, now: number, error: { code?: string; message?: string; requestId?: string }, patch?: Partial<ActivityEntry>): void {
    this.changed(this.log.fail(id, now, error, patch));
  }
  clearFinished(): void {
    this.log.clearFinished();
    this.changed(undefined);
  }

  /** Resolves once everything changed so far is in globalState (for tests and deactivation). */
  flushed(): Promise<void> {
    return this.saving;
  }

  private changed(entry: ActivityEntry | undefined): void {
    const data = this.log.toJSON();
    this.saving = this.saving.then(() => this.memento.update(STORE_KEY, data)).then(undefined, () => undefined);
    this.emitter.fire(entry);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
