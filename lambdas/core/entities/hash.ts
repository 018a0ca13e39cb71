/**
 * 32-bit hashing used to turn feature strings into integer keys. Training and tagging must hash identically,
 * so both go through these functions; changing them invalidates every trained model.
 */

/** FNV-1a over UTF-16 code units: cheap, deterministic, good enough spread for feature keys. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values (order matters) with a murmur3-style finaliser so nearby inputs spread apart. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines three 32-bit values. */
export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}
