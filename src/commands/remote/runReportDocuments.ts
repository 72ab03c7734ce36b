// Read-only documents that show the outcome of a Run Command: `swas-run:/<n>/<title>.log`.
// The text is kept in memory for the session only (it may hold command output: never persisted).
import * as vscode from 'vscode';

export const RUN_SCHEME = 'swas-run';

export class RunReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private next = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** A new document URI for one run. */
  create(title: string): vscode.Uri {
    this.next += 1;
    const uri = vscode.Uri.from({
      scheme: RUN_SCHEME,
      path: `/${this.next}/${title.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'run'}.log`,
    });
    this.texts.set(uri.path, '');
    if (this.texts.size > 50) this.texts.delete([...this.texts.keys()][0] ?? '');
    return uri;
  }

  update(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
