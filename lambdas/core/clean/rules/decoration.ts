/** Characters scrapers leave around widget labels: `- Advertisement -`, `[Ad]`, `*** Share ***`, `Tags:`. */
function isDecoration(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x2d ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x5f ||
    c === 0x2a ||
    c === 0x3d ||
    c === 0x7c ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0x7b ||
    c === 0x7d ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0x2022 ||
    c === 0xb7
  );
}

/** Strips decoration from both ends of a label (and a trailing colon). A character scan: it runs on many lines. */
export function stripDecoration(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isDecoration(line.charCodeAt(start))) start++;
  while (end > start && (isDecoration(line.charCodeAt(end - 1)) || line.charCodeAt(end - 1) === 0x3a)) end--;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}
