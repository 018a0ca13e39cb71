/** Markup without its scripts, styles and comments, and the JSON-LD blocks that were among the scripts. */
export interface StrippedMarkup {
  readonly markup: string;
  /** Contents of `<script type="application/ld+json">` elements. */
  readonly jsonLd: readonly string[];
  /** How many script and style elements were cut. */
  readonly removedElements: number;
}

const OPENER = /<(script|style)\b([^>]{0,2000})>|<!--/gi;
const JSON_LD_TYPE = /type\s*=\s*["']?application\/ld\+json/i;
const CLOSERS: Readonly<Record<string, RegExp>> = { script: /<\/script/gi, style: /<\/style/gi };

/** Index of the next `</tag` at or after `from` (case-insensitive), or -1. */
function findCloser(html: string, tag: string, from: number): number {
  const re = CLOSERS[tag]!;
  re.lastIndex = from;
  return re.exec(html)?.index ?? -1;
}

/**
 * Cuts `<script>`, `<style>` and comments out of markup in one linear pass — a regex with a lazy body would
 * rescan to the end of the page for every unclosed `<script>` or `<!--`, which a hostile page can repeat
 * thousands of times. As in a browser, an unclosed script, style or comment runs to the end of the page.
 */
export function stripCode(html: string): StrippedMarkup {
  const parts: string[] = [];
  const jsonLd: string[] = [];
  let removedElements = 0;
  let last = 0;
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(html); m !== null; m = OPENER.exec(html)) {
    parts.push(html.slice(last, m.index));
    const bodyStart = m.index + m[0].length;
    if (m[0] === '<!--') {
      const close = html.indexOf('-->', bodyStart);
      last = close < 0 ? html.length : close + 3;
    } else {
      removedElements++;
      const tag = m[1]!.toLowerCase();
      const close = findCloser(html, tag, bodyStart);
      const bodyEnd = close < 0 ? html.length : close;
      if (tag === 'script' && JSON_LD_TYPE.test(m[2] ?? '')) jsonLd.push(html.slice(bodyStart, bodyEnd));
      const closeEnd = close < 0 ? html.length : html.indexOf('>', close);
      last = closeEnd < 0 ? html.length : closeEnd + 1;
    }
    if (last >= html.length) break;
    OPENER.lastIndex = last;
  }
  if (last < html.length) parts.push(html.slice(last));
  return { markup: parts.join(''), jsonLd, removedElements };
}
