// The three kinds of VS Code theme as a webview sees them: VS Code puts every theme colour on
// <html> as a `--vscode-<id>` custom property (a colour the theme leaves unset, as many are in
// high contrast, is simply absent) and the kind on <body> as a class plus data attributes
// (`vscode-light`, `vscode-dark`, `vscode-high-contrast`). The values are those of the default
// themes of VS Code 1.100: Light Modern, Dark Modern and Dark High Contrast (theme file values,
// else the colour registry's defaults), limited to what the form and the toolkit read.

export type ThemeKind = 'light' | 'dark' | 'highContrast';

export interface Theme {
  kind: ThemeKind;
  bodyClass: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';
  name: string;
  colors: Record<string, string>;
}

const FONTS: Record<string, string> = {
  'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'font-weight': 'normal',
  'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
  'editor-font-size': '14px',
};

export const THEMES: Record<ThemeKind, Theme> = {
  light: {
    kind: 'light',
    bodyClass: 'vscode-light',
    name: 'Light Modern',
    colors: {
      foreground: '#3b3b3b',
      descriptionForeground: '#3b3b3b',
      errorForeground: '#f85149',
      focusBorder: '#005fb8',
      'editor-background': '#ffffff',
      'editor-foreground': '#3b3b3b',
      'input-background': '#ffffff',
      'input-border': '#cecece',
      'input-foreground': '#3b3b3b',
      'input-placeholderForeground': '#767676',
      'inputValidation-errorBackground': '#f2dede',
      'inputValidation-errorBorder': '#be1100',
      'button-background': '#005fb8',
      'button-border': '#0000001a',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#0258a8',
      'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b',
      'button-secondaryHoverBackground': '#cccccc',
      'dropdown-background': '#ffffff',
      'dropdown-border': '#cecece',
      'dropdown-foreground': '#3b3b3b',
      'dropdown-listBackground': '#ffffff',
      'checkbox-background': '#f8f8f8',
      'checkbox-border': '#cecece',
      'checkbox-foreground': '#3b3b3b',
      'list-activeSelectionBackground': '#e8e8e8',
      'list-activeSelectionForeground': '#000000',
      'list-hoverBackground': '#f2f2f2',
      'textLink-foreground': '#005fb8',
      'textLink-activeForeground': '#005fb8',
      'progressBar-background': '#005fb8',
      'panel-background': '#f8f8f8',
      'panel-border': '#e5e5e5',
      'panelTitle-activeBorder': '#005fb8',
      'panelTitle-activeForeground': '#3b3b3b',
      'panelTitle-inactiveForeground': '#3b3b3b',
      'badge-background': '#cccccc',
      'badge-foreground': '#3b3b3b',
      'settings-dropdownListBorder': '#c8c8c8',
      'scrollbarSlider-background': '#64646466',
      'scrollbarSlider-hoverBackground': '#646464b3',
      'scrollbarSlider-activeBackground': '#00000099',
    },
  },
  dark: {
    kind: 'dark',
    bodyClass: 'vscode-dark',
    name: 'Dark Modern',
    colors: {
      foreground: '#cccccc',
      descriptionForeground: '#9d9d9d',
      errorForeground: '#f85149',
      focusBorder: '#0078d4',
      'editor-background': '#1f1f1f',
      'editor-foreground': '#cccccc',
      'input-background': '#313131',
      'input-border': '#3c3c3c',
      'input-foreground': '#cccccc',
      'input-placeholderForeground': '#989898',
      'inputValidation-errorBackground': '#5a1d1d',
      'inputValidation-errorBorder': '#be1100',
      'button-background': '#0078d4',
      'button-border': '#ffffff1a',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#026ec1',
      'button-secondaryBackground': '#00000000',
      'button-secondaryForeground': '#cccccc',
      'button-secondaryHoverBackground': '#2b2b2b',
      'dropdown-background': '#313131',
      'dropdown-border': '#3c3c3c',
      'dropdown-foreground': '#cccccc',
      'dropdown-listBackground': '#1f1f1f',
      'checkbox-background': '#313131',
      'checkbox-border': '#3c3c3c',
      'checkbox-foreground': '#cccccc',
      'list-activeSelectionBackground': '#04395e',
      'list-activeSelectionForeground': '#ffffff',
      'list-hoverBackground': '#2a2d2e',
      'textLink-foreground': '#4daafc',
      'textLink-activeForeground': '#4daafc',
      'progressBar-background': '#0078d4',
      'panel-background': '#181818',
      'panel-border': '#2b2b2b',
      'panelTitle-activeBorder': '#0078d4',
      'panelTitle-activeForeground': '#cccccc',
      'panelTitle-inactiveForeground': '#9d9d9d',
      'badge-background': '#616161',
      'badge-foreground': '#f8f8f8',
      'settings-dropdownListBorder': '#454545',
      'scrollbarSlider-background': '#79797966',
      'scrollbarSlider-hoverBackground': '#646464b3',
      'scrollbarSlider-activeBackground': '#bfbfbf66',
    },
  },
  highContrast: {
    kind: 'highContrast',
    bodyClass: 'vscode-high-contrast',
    name: 'Dark High Contrast',
    // No button/list backgrounds: high contrast leaves them unset (the toolkit makes them transparent).
    colors: {
      foreground: '#ffffff',
      descriptionForeground: '#ffffffb3',
      errorForeground: '#f48771',
      focusBorder: '#f38518',
      contrastBorder: '#6fc3df',
      contrastActiveBorder: '#f38518',
      'editor-background': '#000000',
      'editor-foreground': '#ffffff',
      'input-background': '#000000',
      'input-border': '#6fc3df',
      'input-foreground': '#ffffff',
      'input-placeholderForeground': '#ffffffb3',
      'inputValidation-errorBackground': '#000000',
      'inputValidation-errorBorder': '#6fc3df',
      'button-border': '#6fc3df',
      'button-foreground': '#ffffff',
      'button-secondaryForeground': '#ffffff',
      'dropdown-background': '#000000',
      'dropdown-border': '#6fc3df',
      'dropdown-foreground': '#ffffff',
      'dropdown-listBackground': '#000000',
      'checkbox-background': '#000000',
      'checkbox-border': '#6fc3df',
      'checkbox-foreground': '#ffffff',
      'textLink-foreground': '#21a6ff',
      'textLink-activeForeground': '#21a6ff',
      'progressBar-background': '#6fc3df',
      'panel-background': '#000000',
      'panel-border': '#6fc3df',
      'panelTitle-activeBorder': '#6fc3df',
      'panelTitle-activeForeground': '#ffffff',
      'panelTitle-inactiveForeground': '#ffffff',
      'badge-background': '#000000',
      'badge-foreground': '#ffffff',
      'settings-dropdownListBorder': '#6fc3df',
      'scrollbarSlider-background': '#6fc3df99',
      'scrollbarSlider-hoverBackground': '#6fc3dfcc',
      'scrollbarSlider-activeBackground': '#6fc3df',
    },
  },
};

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Apply a theme to the panel's HTML the way VS Code's webview host does: it writes the custom
 * properties into <html style> and the kind onto <body> before the page is parsed, so they
 * precede the page's CSP <meta> and are not inline styles the policy could block.
 */
export function themeHtml(html: string, theme: Theme): string {
  const vars = Object.entries({ ...FONTS, ...theme.colors })
    .map(([k, v]) => `--vscode-${k}: ${v};`)
    .join(' ');
  const withStyle = html.replace(/<html([^>]*)>/, (_m, a: string) => `<html${a} style="${attr(vars)}">`);
  const body = `<body class="${theme.bodyClass}" data-vscode-theme-kind="${theme.bodyClass}" data-vscode-theme-name="${attr(theme.name)}">`;
  return withStyle.replace('<body>', body);
}
