// Turns errors into clear, localized sentences. Core gives codes; the words are made here
// (English in errorSentences.ts, translated through vscode.l10n). Never returns "undefined" or
// an empty string, and never includes a secret (core messages are already scrubbed of URLs,
// AccessKey IDs, tokens and signatures). Core's own English messages never reach the UI: a
// code the client raises always has a sentence; only the API's message for a code unknown
// here is shown (with the code).
import * as vscode from 'vscode';
import { isSwasError } from '../core/errors';
import { sentenceOf } from './errorSentences';

export function describeError(e: unknown): string {
  if (isSwasError(e)) {
    const base = sentenceFor(e.code, e.message, e.httpStatus);
    return e.requestId ? vscode.l10n.t('{0} (RequestId: {1})', base, e.requestId) : base;
  }
  return describeOther(e);
}

/** The sentence alone, without the RequestId (for a place that shows the RequestId itself). */
export function errorSentence(e: unknown): string {
  return isSwasError(e) ? sentenceFor(e.code, e.message, e.httpStatus) : describeOther(e);
}

function describeOther(e: unknown): string {
  // NotSignedInError (src/tree/regionStore.ts) carries an English message: say it here.
  if (e instanceof Error && e.name === 'NotSignedInError') return vscode.l10n.t('Sign in to SWAS first.');
  // SshConfigError (src/core/ssh/sshConfig.ts): its message is English detail; say its code's sentence.
  if (e instanceof Error && e.name === 'SshConfigError') {
    const code = (e as Error & { code?: unknown }).code;
    const sentence = typeof code === 'string' ? sentenceOf(code) : undefined;
    if (sentence !== undefined && typeof code === 'string') return vscode.l10n.t(sentence, code, '?');
  }
  if (e instanceof Error && e.message.trim() !== '' && e.message !== 'undefined') return e.message;
  if (typeof e === 'string' && e.trim() !== '') return e;
  return vscode.l10n.t('Something went wrong. See the SWAS log for details.');
}

function sentenceFor(code: string, message: string, httpStatus: number | undefined): string {
  const sentence = sentenceOf(code);
  // A literal-free lookup: the keys and their zh-cn translations are checked by
  // test/unit/core/errorSentences.test.ts.
  if (sentence !== undefined) return vscode.l10n.t(sentence, code, httpStatus === undefined ? '?' : String(httpStatus));
  const m = message.trim();
  return m !== '' && m !== 'undefined' ? vscode.l10n.t('{0} ({1})', m, code) : vscode.l10n.t('The request failed with error {0}.', code);
}
