// What a node says about its polling (a long transition slowed down, checks failing, an unknown
// status left alone): appended to the node's description and tooltip by the explorer.
import * as vscode from 'vscode';
import type { PollNote } from './transitionPoller';

export function pollNoteText(note: PollNote, now: number): string {
  switch (note.reason) {
    case 'long':
      return vscode.l10n.t(
        'still {0} after {1} min, checking every {2} min',
        note.status,
        Math.max(1, Math.round((now - note.since) / 60_000)),
        Math.round(note.everyMs / 60_000),
      );
    case 'failing':
      return vscode.l10n.t('status checks keep failing, checking every {0} min', Math.round(note.everyMs / 60_000));
    case 'unknown':
      // The status words themselves are on the node ("unknown (Migrating)", src/tree/labels.ts).
      return note.status === 'unknown'
        ? vscode.l10n.t('this status is not known: no longer checked; refresh to check again')
        : vscode.l10n.t('status "{0}" is not known: no longer checked; refresh to check again', note.status);
  }
}

/** Adds the note to a tree item's description and tooltip. */
export function withPollNote(item: vscode.TreeItem, note: PollNote | undefined, now = Date.now()): vscode.TreeItem {
  if (!note) return item;
  const text = pollNoteText(note, now);
  const description = typeof item.description === 'string' && item.description !== '' ? `${item.description} · ${text}` : text;
  item.description = description;
  const tooltip =
    item.tooltip instanceof vscode.MarkdownString
      ? item.tooltip
      : new vscode.MarkdownString().appendText(typeof item.tooltip === 'string' ? item.tooltip : '');
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(text);
  item.tooltip = tooltip;
  return item;
}
