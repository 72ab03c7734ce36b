// The panel's HTML with a strict CSP: nothing by default; scripts only with this load's nonce;
// styles and fonts only from the webview's own resource origin. No inline styles or handlers;
// the one exception is FAST's (toolkit) focus-visible probe, a <style> element that carries the
// nonce it reads from <meta property="csp-nonce">. vscode-free so the webview tests load
// exactly this page.

export interface FormHtmlOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  lang: string;
  title: string;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function buildFormHtml(o: FormHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="${esc(o.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(formCsp(o.cspSource, o.nonce))}">
<meta property="csp-nonce" content="${esc(o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(o.styleUri)}">
<title>${esc(o.title)}</title>
</head>
<body>
<div id="app" aria-busy="true"><p class="loading">…</p></div>
<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script>
</body>
</html>`;
}
