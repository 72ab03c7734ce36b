// Removes anything secret-looking from text before it becomes an error message or a log line.
// pop-core appends the full signed request URL to its error messages ("…, URL: https://…?AccessKeyId=…
// &SecurityToken=…&Signature=…") and httpx appends "GET <url> failed." to transport errors, so every
// message from below the client boundary passes through here.

const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;
/** `Name=value` pairs for the signing parameters, in a query, a form body or free text. */
const PARAM_RE =
  /\b(AccessKeyId|AccessKeySecret|SecurityToken|Signature|SignatureNonce|Authorization|x-acs-security-token|x-acs-accesskey-id)\s*[=:]\s*[^\s&,;"']*/gi;
/** ACS3 Authorization header contents. */
const ACS3_RE = /ACS3-HMAC-SHA256\s+Credential=[^\s]*/gi;
/** The same names percent-encoded inside a string-to-sign (`AccessKeyId%3DLT…%26`). */
const ENCODED_PARAM_RE = /\b(AccessKeyId|SecurityToken|Signature|SignatureNonce)(%3D|%253D).*?(?=%26|%2526|\s|$)/gi;
/** Gateways echo the string-to-sign in SignatureDoesNotMatch messages. */
const STRING_TO_SIGN_RE = /(string\s*to\s*sign\s*(is)?\s*:?)\s*\S+/gi;
/** A bare "/?…" query left over when a URL was split by an upstream formatter. */
const QUERY_RE = /\/\?[^\s"'<>]*/g;

const REDACTED = '[redacted]';

/**
 * Returns `text` with URLs, signing parameters and every literal in `secrets` (AccessKey ID,
 * SecurityToken, …) removed. Literals shorter than 4 characters are ignored (they would
 * destroy ordinary words).
 */
export function scrub(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text
    .replace(/,?\s*URL:\s*\S+/g, '')
    .replace(URL_RE, '[url]')
    .replace(ACS3_RE, REDACTED)
    .replace(STRING_TO_SIGN_RE, `$1 ${REDACTED}`)
    .replace(ENCODED_PARAM_RE, (_m, name: string) => `${name}=${REDACTED}`)
    .replace(PARAM_RE, (_m, name: string) => `${name}=${REDACTED}`)
    .replace(QUERY_RE, '[url]');
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    out = out.split(s).join(REDACTED);
    const encoded = encodeURIComponent(s);
    if (encoded !== s) out = out.split(encoded).join(REDACTED);
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}
