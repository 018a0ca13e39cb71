/** Lower-case particles that appear inside personal names (`Ursula von der Leyen`, `Luiz Inácio da Silva`). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'le',
  'la',
  'bin',
  'bint',
  'al',
  'el',
  'ibn',
  'y',
  'ter',
  'ten',
]);

/** A name token: capitalised word, initial (`J.`), or hyphenated/apostrophised capitalised word. */
const NAME_TOKEN =
  /^(?:\p{Lu}\.(?:\p{Lu}\.)*|[\p{Lu}\p{Lt}][\p{L}\p{M}'’.-]*(?:-[\p{Lu}\p{Ll}][\p{L}\p{M}'’]*)?)$/u;

/** True when `text` reads as one personal or organisation name: 1–5 capitalised tokens and name particles. */
export function isName(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length === 0 || tokens.length > 5) return false;
  let capitalised = 0;
  for (const token of tokens) {
    if (NAME_TOKEN.test(token)) capitalised++;
    else if (!PARTICLES.has(token.toLowerCase()) || token !== token.toLowerCase()) return false;
  }
  return capitalised > 0;
}

/** Splits `A, B and C` / `A & B` into names; `undefined` unless every part is a name. */
export function splitNames(text: string): string[] | undefined {
  const parts = text
    .split(/\s*,\s*|\s+(?:and|&|und|et|y|e)\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0 || parts.length > 8) return undefined;
  return parts.every(isName) ? parts : undefined;
}
