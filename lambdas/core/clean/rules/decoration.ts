/** Strips decoration scrapers keep around widget labels: `- Advertisement -`, `[Ad]`, `*** Share ***`. */
export function stripDecoration(line: string): string {
  return line.replace(/^[\s\-–—_*=|[\](){}<>•·]+|[\s\-–—_*=|[\](){}<>•·:]+$/g, '');
}
