import { Buffer } from 'node:buffer';

/** How far into a page the HTML standard's prescan looks for a charset declaration. */
const PRESCAN_BYTES = 1024;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/**
 * The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * within its first 1024 bytes, lower-cased. Reads the bytes as ASCII, as the prescan does.
 */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, PRESCAN_BYTES);
  if (bytes.subarray(0, n).indexOf(0x3c) < 0) return undefined;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
  if (!/<meta/i.test(head)) return undefined;
  return META_CHARSET.exec(head)?.[1]?.toLowerCase();
}
