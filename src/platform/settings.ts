// The one typed reader of the `swas.*` settings. Core receives plain values from here.
import * as vscode from 'vscode';

export interface SwasSettings {
  endpointTemplate: string;
  timeoutMs: number;
  regions: string[];
  hideEmptyRegions: boolean;
  pollIntervalSeconds: number;
  /** Which Alibaba Cloud console "Open in Console" opens. */
  consoleSite: ConsoleSite;
}

export type ConsoleSite = 'auto' | 'china' | 'international';

const SECTION = 'swas';

export class Settings implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  readonly onDidChange = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor() {
    this.sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) this.emitter.fire(e);
    });
  }

  read(): SwasSettings {
    const c = vscode.workspace.getConfiguration(SECTION);
    const timeout = clamp(c.get<number>('requestTimeoutSeconds', 15), 1, 120);
    return {
      endpointTemplate: (c.get<string>('endpoint', '') ?? '').trim(),
      timeoutMs: timeout * 1000,
      regions: (c.get<string[]>('regions', []) ?? []).filter((r) => typeof r === 'string' && r.trim() !== ''),
      hideEmptyRegions: c.get<boolean>('hideEmptyRegions', false) === true,
      pollIntervalSeconds: clamp(c.get<number>('pollIntervalSeconds', 3), 1, 60),
      consoleSite: consoleSite(c.get<string>('consoleSite', 'auto')),
    };
  }

  async setHideEmptyRegions(value: boolean): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('hideEmptyRegions', value, vscode.ConfigurationTarget.Global);
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

function clamp(n: number | undefined, min: number, max: number): number {
  const v = typeof n === 'number' && Number.isFinite(n) ? n : min;
  return Math.min(max, Math.max(min, v));
}

function consoleSite(v: string | undefined): ConsoleSite {
  return v === 'china' || v === 'international' ? v : 'auto';
}
