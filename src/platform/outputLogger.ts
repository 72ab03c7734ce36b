// The core `Logger` port on a LogOutputChannel "SWAS": one line per API call.
// Every line goes through the core's one scrubber (src/core/scrub.ts: URLs, signing parameters)
// with the known secret values, as a last line of defence.
import * as vscode from 'vscode';
import type { ApiCallLogEntry, Logger } from '../core/logger';
import { scrub } from '../core/scrub';

export class OutputLogger implements Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();

  constructor(channel?: vscode.LogOutputChannel) {
    this.channel = channel ?? vscode.window.createOutputChannel('SWAS', { log: true });
  }

  /** Values (AccessKey secret, STS token) that must never appear in a line. */
  redactValues(values: (string | undefined)[]): void {
    this.secrets.clear();
    for (const v of values) if (v && v.length >= 6) this.secrets.add(v);
  }

  apiCall(e: ApiCallLogEntry): void {
    const parts = [e.action, e.regionId || '-', String(e.status), e.requestId || '-', `${Math.round(e.ms)} ms`];
    if (e.code) parts.push(e.code);
    if (e.attempt !== undefined && e.attempt > 1) parts.push(`attempt ${e.attempt}`);
    const line = this.scrub(parts.join(' '));
    if (e.code) this.channel.warn(line);
    else this.channel.info(line);
  }

  info(message: string): void {
    this.channel.info(this.scrub(message));
  }
  warn(message: string): void {
    this.channel.warn(this.scrub(message));
  }
  error(message: string): void {
    this.channel.error(this.scrub(message));
  }

  show(): void {
    this.channel.show(true);
  }

  private scrub(text: string): string {
    return scrub(text, [...this.secrets]);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
