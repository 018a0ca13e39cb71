import { parsePublicationDate } from '../dates/parse-date';
import { firstLocale } from '../metadata/locale';
import { type DomDocument, textOf } from './dom';
import { type JsonLdObject, jsonLdNames } from './json-ld';

/** Metadata a page declares about its article. */
export interface HtmlMetadata {
  readonly title?: string;
  readonly publishedAt?: string;
  readonly byline?: string;
  readonly keywords: readonly string[];
  /** Primary subtag of the page's declared language (`en` from `en-GB`). */
  readonly language?: string;
  /** The page's declared language with its region (`en-GB`), when it names one: it says how dates are written. */
  readonly locale?: string;
  readonly siteName?: string;
}

/** `<meta>` values by lower-cased `name`, `property` or `itemprop`; several values per key are kept. */
function readMetaTags(doc: DomDocument): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = map.get(key);
      if (list) list.push(content);
      else map.set(key, [content]);
    }
  }
  return map;
}

const DATE_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
];

const BYLINE_META_KEYS = [
  'author',
  'article:author',
  'dc.creator',
  'sailthru.author',
  'parsely-author',
  'byl',
];
const KEYWORD_META_KEYS = ['news_keywords', 'keywords', 'article:tag', 'parsely-tags'];

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined;

function firstDate(candidates: readonly (string | null | undefined)[]): string | undefined {
  for (const c of candidates) {
    if (!c) continue;
    const date = parsePublicationDate(c.trim());
    if (date !== undefined) return date;
  }
  return undefined;
}

function readPublishedAt(
  doc: DomDocument,
  meta: Map<string, string[]>,
  ld: JsonLdObject | undefined,
): string | undefined {
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  // The first <time> in the article is its dateline; one elsewhere may date a sidebar story.
  const scope = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  const time = scope?.querySelector('time[pubdate], time[datetime], time') ?? null;
  // In order of trust; the first source that has a date decides the day.
  const sources = [
    firstDate(DATE_META_KEYS.flatMap((k) => meta.get(k) ?? [])),
    firstDate([str(ld?.datePublished), str(ld?.dateCreated)]),
    firstDate([itemprop?.getAttribute('datetime'), itemprop?.getAttribute('content'), textOf(itemprop)]),
    firstDate([time?.getAttribute('datetime'), textOf(time)]),
  ].filter((d): d is string => d !== undefined);
  const [day] = sources;
  if (day === undefined) return undefined;
  // A later source naming the same day with its time and zone is the more precise value of the same fact.
  return sources.reduce(
    (best, d) => (d.slice(0, 10) === best.slice(0, 10) && d.length > best.length ? d : best),
    day,
  );
}

/** Removes a ` | Site` / ` - Site` suffix from a `<title>`, when the site is known or the rest is long enough. */
function stripSiteSuffix(title: string, siteName: string | undefined): string {
  const m = /^(.{12,}?)\s+[|\-–—·:]\s+([^|\-–—·]{2,40})$/.exec(title);
  if (!m?.[1]) return title;
  if (siteName === undefined || m[2]?.trim().toLowerCase() === siteName.toLowerCase() || m[1].length > 25)
    return m[1];
  return title;
}

function readTitle(
  doc: DomDocument,
  meta: Map<string, string[]>,
  ld: JsonLdObject | undefined,
  site: string | undefined,
): string | undefined {
  const candidates = [
    meta.get('og:title')?.[0],
    meta.get('twitter:title')?.[0],
    str(ld?.headline),
    textOf(doc.querySelector('article h1') ?? doc.querySelector('h1')),
    textOf(doc.querySelector('title')),
  ];
  for (const c of candidates) {
    const title = c?.replace(/\s+/g, ' ').trim();
    if (title) return stripSiteSuffix(title, site);
  }
  return undefined;
}

function readByline(
  doc: DomDocument,
  meta: Map<string, string[]>,
  ld: JsonLdObject | undefined,
): string | undefined {
  const fromMeta = BYLINE_META_KEYS.flatMap((k) => meta.get(k) ?? []).filter((v) => !/^https?:/i.test(v));
  const candidates = [
    fromMeta.length > 0 ? [...new Set(fromMeta)].join(', ') : undefined,
    ld ? jsonLdNames(ld.author ?? ld.creator).join(', ') : undefined,
    textOf(doc.querySelector('[rel="author"]')),
    textOf(doc.querySelector('[itemprop="author"]')),
    textOf(doc.querySelector('.byline, .author, .article-byline')),
  ];
  for (const c of candidates) {
    const byline = c?.replace(/^(?:by|von|par|por)\s+/i, '').trim();
    if (byline && byline.length <= 120) return byline;
  }
  return undefined;
}

function readKeywords(meta: Map<string, string[]>, ld: JsonLdObject | undefined): string[] {
  const raw = KEYWORD_META_KEYS.flatMap((k) => meta.get(k) ?? []);
  const ldKeywords = ld?.keywords;
  if (typeof ldKeywords === 'string') raw.push(ldKeywords);
  else if (Array.isArray(ldKeywords))
    raw.push(...ldKeywords.filter((k): k is string => typeof k === 'string'));
  return raw.flatMap((v) => v.split(/\s*[,;]\s*/)).filter((k) => k.length > 0 && k.length <= 60);
}

function declaredLanguage(doc: DomDocument, meta: Map<string, string[]>): string | undefined {
  return (
    doc.documentElement?.getAttribute('lang') ??
    meta.get('content-language')?.[0] ??
    meta.get('og:locale')?.[0]
  );
}

function readLanguage(declared: string | undefined): string | undefined {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

/** Reads the article metadata a page declares: meta tags, JSON-LD, `<time>`, `<title>`/`<h1>`, `lang`. */
export function readHtmlMetadata(doc: DomDocument, ld: JsonLdObject | undefined): HtmlMetadata {
  const meta = readMetaTags(doc);
  const siteName = meta.get('og:site_name')?.[0] ?? str((ld?.publisher as JsonLdObject | undefined)?.name);
  const title = readTitle(doc, meta, ld, siteName);
  const publishedAt = readPublishedAt(doc, meta, ld);
  const byline = readByline(doc, meta, ld);
  const declared = declaredLanguage(doc, meta);
  const language = readLanguage(declared);
  // A page that declares only `lang="en"` may name its region in `og:locale`.
  const locale = firstLocale(declared, meta.get('og:locale')?.[0]);
  return {
    ...(title === undefined ? {} : { title }),
    ...(publishedAt === undefined ? {} : { publishedAt }),
    ...(byline === undefined ? {} : { byline }),
    keywords: readKeywords(meta, ld),
    ...(language === undefined ? {} : { language }),
    ...(locale === undefined ? {} : { locale }),
    ...(siteName === undefined ? {} : { siteName }),
  };
}
