// RFC 3986 percent-encoding as Alibaba signs it: only A-Z a-z 0-9 - _ . ~ stay literal.

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes one form/query component; '+' means a space. Throws URIError on bad escapes. */
export function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** Parses `a=1&b=2` into pairs; throws URIError on malformed percent-encoding. */
export function parseFormPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  if (!text) return out;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    out.push([formDecode(key), formDecode(value)]);
  }
  return out;
}
