/** Types whose JSON-LD object describes the article itself. */
const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage|ScholarlyArticle|SocialMediaPosting)$/;

/** A JSON-LD object, loosely typed: pages put anything in it. */
export type JsonLdObject = Readonly<Record<string, unknown>>;

function flatten(value: unknown, out: JsonLdObject[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const obj = value as JsonLdObject;
  out.push(obj);
  if (obj['@graph'] !== undefined) flatten(obj['@graph'], out, depth + 1);
}

function isArticle(obj: JsonLdObject): boolean {
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

/**
 * The article object of a page's JSON-LD blocks (`NewsArticle` and kin), read with `JSON.parse` — data,
 * never code. Broken blocks are skipped.
 */
export function readJsonLdArticle(blocks: readonly string[]): JsonLdObject | undefined {
  const objects: JsonLdObject[] = [];
  for (const block of blocks) {
    try {
      flatten(JSON.parse(block), objects, 0);
    } catch {
      // Pages ship JSON-LD with trailing commas and raw newlines; a broken block just gives no metadata.
    }
  }
  const articles = objects.filter(isArticle);
  return articles.find((o) => o['@type'] !== 'WebPage') ?? articles[0];
}

/** Names from a JSON-LD `author`/`creator` value: a string, a Person, or an array of either. */
export function jsonLdNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') names.push(item);
    else if (item !== null && typeof item === 'object') {
      const name = (item as JsonLdObject).name;
      if (typeof name === 'string') names.push(name);
    }
  }
  return names.map((n) => n.trim()).filter((n) => n.length > 0 && !/^https?:/i.test(n));
}
