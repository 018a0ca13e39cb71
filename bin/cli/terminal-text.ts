/**
 * Text from object keys and article content shown on a terminal. A key may hold any character, and an
 * escape sequence printed raw would recolour, move or rewrite the operator's terminal (or, with bidi
 * overrides, show a different key than the one stored).
 */

/** C0 and C1 control characters, DEL, and the bidi embedding, override and isolate controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every control character written as a visible escape (`\x1b`, `\u202e`), so it prints as
 * data. Other characters, emoji sequences included, are kept.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
