// Command text going to Cloud Assistant, and what comes back, made safe to show.
// - Size: "the custom parameters and the command content, Base64-encoded, together at most 16 KB"
//   (documented: Alibaba's ROS reference for ALIYUN::SWAS::RunCommand, which wraps the same API).
//   We send no parameters, so the limit is on the Base64 form of the content's UTF-8 bytes; a
//   longer script is refused before any call, with its size and the limit.
// - Display: a run's output (and the script itself) may hold any byte: NUL, ANSI escape sequences,
//   other C0/C1 control characters, bidirectional overrides, invalid UTF-8 (already U+FFFD once
//   decoded). The report document shows each control character as a visible, inert token, so
//   nothing can recolour, move the cursor, hide text or reorder a line; tabs and line breaks stay.
// Pure: no `vscode`.

export const COMMAND_CONTENT_LIMIT = 16 * 1024;

/** Length of the Base64 form of the script's UTF-8 bytes. */
export function encodedLength(script: string): number {
  return 4 * Math.ceil(new TextEncoder().encode(script).length / 3);
}

/** The encoded size when it is over the documented limit; undefined when the script may be sent. */
export function commandTooLong(script: string): number | undefined {
  const n = encodedLength(script);
  return n > COMMAND_CONTENT_LIMIT ? n : undefined;
}

// C0 controls except TAB and LF, DEL, C1 controls, and the bidi/zero-width format characters that
// change how a line reads (LRE…RLO, LRI…PDI, LRM/RLM/ALM, zero-width joiners, BOM).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;

function token(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x1b) return '␛';
  if (c < 0x20) return String.fromCharCode(0x2400 + c); // ␀ … ␟ (Unicode control pictures)
  if (c === 0x7f) return '␡';
  return `<U+${c.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Text safe to show in a document: CRLF and lone CR become LF, every other control a token. */
export function neutralise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, token);
}
