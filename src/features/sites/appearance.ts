import { createHash } from 'node:crypto';
import type { Appearance } from '../../kernel/sites/settings.js';

/** The site's stylesheet of colours and banner (src/features/sites/public/theme-routes.ts). */
export const THEME_PATH = '/giao-dien.css';

/** The portal's own red: the default, and what a colour is measured against. */
export const DEFAULT_COLOR = '#a30d1d';
/** WCAG 2.1 AA for normal text: white text on the chosen colour must reach this ratio. */
export const MIN_CONTRAST = 4.5;

const HEX = /^#([0-9a-f]{6})$/;

export function parseColor(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const long = /^#?([0-9a-f]{6})$/.exec(s);
  return long ? `#${long[1]}` : null;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(HEX.exec(hex)![1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance (WCAG 2.1). */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio of white text on this colour (1 to 21). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** The same hue, darker (for gradients and hovers): each channel scaled by `factor`. */
export function darken(hex: string, factor = 0.75): string {
  return `#${channels(hex).map((c) => Math.round(c * factor).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The site's stylesheet of colours and banner, served as /giao-dien.css (the CSP allows no inline
 * style). Only values checked on save go in: a #rrggbb colour and a library path.
 */
export function themeCss(a: Appearance): string {
  const rules: string[] = [];
  if (a.color && HEX.test(a.color)) rules.push(`:root { --red: ${a.color}; --red-dark: ${darken(a.color)}; }`);
  if (a.banner && /^[a-z0-9/._-]+$/i.test(a.banner.path)) {
    const dark = darken(a.color ?? DEFAULT_COLOR, 0.6);
    // The banner sits under a tint of the main colour so the white site name stays readable.
    rules.push(`.site-header { background: linear-gradient(90deg, ${dark}e6 0%, ${dark}b3 60%, ${dark}66 100%), url("/media/${a.banner.path}") center / cover no-repeat, ${dark}; }`);
  }
  return `${rules.join('\n')}\n`;
}

/** A short version of the theme for the stylesheet's URL, so a change is seen at once. */
export function themeVersion(a: Appearance): string {
  return createHash('sha256').update(themeCss(a)).digest('base64url').slice(0, 10);
}
