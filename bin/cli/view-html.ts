import { DATE_TYPES } from '../../lambdas/core/dates/types';
import { ENTITY_TYPES, type EntityType } from '../../lambdas/core/entities/types';
import type { ArticleRecord } from '../../lambdas/core/record/types';
import { codePointToUtf16Converter } from '../../lambdas/core/text/offsets';

/** Colours of the highlights, by entity type and for dates (the legend shows the same). */
const ENTITY_COLOURS: Record<EntityType, string> = {
  PERSON: '#ffd8a8',
  ORGANIZATION: '#a5d8ff',
  LOCATION: '#b2f2bb',
  MISC: '#e5dbff',
};

/** One highlighted range of the text, in UTF-16 indices. */
interface Mark {
  readonly start: number;
  readonly end: number;
  readonly className: string;
  readonly tooltip?: string;
  /** Anchor of an entity occurrence (`e3-2`: the second mention of entity 3). */
  readonly id?: string;
}

/** The anchor of the `n`th mention (from 1) of entity group `group`. */
function occurrenceId(group: number, n: number): string {
  return `e${group}-${n}`;
}

/**
 * A self-contained HTML page of one record: the cleaned text with entities and dates highlighted by type (the
 * tooltip gives the canonical name or the normalised value), and a side panel of metadata, grouped entities and
 * dates. Everything from the record is escaped and the page allows no scripts at all (Content-Security-Policy),
 * since article text is untrusted. `text` overrides the record's (for records whose text lives in S3).
 */
export function renderRecordHtml(record: ArticleRecord, text: string | undefined = record.text): string {
  const groups = entityGroups(record);
  // Without a headline the page is named by the key the article was uploaded as (what `view` was given).
  const title = record.title ?? record.source.key;
  const body =
    record.status === 'rejected'
      ? `<p class="notice">Rejected: <strong>${esc(record.rejection?.code ?? '')}</strong> ${esc(record.rejection?.message ?? '')}</p>`
      : text === undefined
        ? `<p class="notice">The text is not in the record${record.textRef ? ` (it is in s3://${esc(record.textRef.bucket)}/${esc(record.textRef.key)})` : ''}.</p>`
        : `<div class="text">${highlight(text, marksOf(record, text, groups))}</div>`;
  return `<!doctype html>
<html lang="${esc(record.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · newsflow</title>
<style>${css(groups.length)}</style>
</head>
<body>
<main>
<header>
<h1>${esc(title)}</h1>
<p class="byline">${esc(bylineOf(record))}</p>
${legend()}
</header>
${record.truncated ? '<p class="notice">Mention lists were dropped to fit the item size limit; the summary remains.</p>' : ''}
${body}
</main>
<aside>
${metadata(record)}
${entityPanel(groups)}
${datePanel(record)}
</aside>
</body>
</html>
`;
}

/** One entity of the summary, with the index its highlights and panel entry share. */
interface EntityGroup {
  readonly index: number;
  readonly type: EntityType;
  readonly canonical: string;
  readonly mentions: number;
}

function entityGroups(record: ArticleRecord): EntityGroup[] {
  const sorted = [...record.entitySummary].sort(
    (a, b) => ENTITY_TYPES.indexOf(a.type) - ENTITY_TYPES.indexOf(b.type) || b.mentions - a.mentions,
  );
  return sorted.map((e, index) => ({
    index,
    type: safeEntityType(e.type),
    canonical: e.canonical,
    mentions: e.mentions,
  }));
}

function marksOf(record: ArticleRecord, text: string, groups: readonly EntityGroup[]): Mark[] {
  const toUtf16 = codePointToUtf16Converter(text);
  const groupOf = new Map(groups.map((g) => [`${g.type}\u0000${g.canonical}`, g.index]));
  const marks: Mark[] = [];
  const add = (start: number, end: number, className: string, tooltip?: string, id?: string): void => {
    const s = toUtf16(start);
    const e = toUtf16(end);
    if (Number.isInteger(start) && Number.isInteger(end) && s < e && e <= text.length)
      marks.push({
        start: s,
        end: e,
        className,
        ...(tooltip === undefined ? {} : { tooltip }),
        ...(id === undefined ? {} : { id }),
      });
  };
  for (const h of record.headings) add(h.start, h.end, 'heading');
  const seen = new Map<number, number>();
  for (const e of [...record.entities].sort((a, b) => a.start - b.start)) {
    const type = safeEntityType(e.type);
    const group = groupOf.get(`${type}\u0000${e.canonical}`);
    const n = group === undefined ? 0 : (seen.get(group) ?? 0) + 1;
    if (group !== undefined) seen.set(group, n);
    // Each mention gets an anchor, so the entity panel can link to every occurrence.
    const id = group === undefined ? undefined : occurrenceId(group, n);
    add(
      e.start,
      e.end,
      `ent ${type}${group === undefined ? '' : ` g${group}`}`,
      `${type} · ${e.canonical}`,
      id,
    );
  }
  for (const d of record.dates) {
    const type = (DATE_TYPES as readonly string[]).includes(d.type) ? d.type : 'DATE';
    const value = [d.value, d.mod, d.freq].filter((x) => x !== undefined).join(' ');
    add(d.start, d.end, `date ${type}`, `${type} · ${value}`);
  }
  return marks;
}

/**
 * The escaped text with each range wrapped in `<mark>`s. Entities never overlap entities and dates never
 * overlap dates, but an entity may overlap a date: the text is cut at every boundary and each piece carries the
 * marks that cover it, outermost first.
 */
function highlight(text: string, marks: readonly Mark[]): string {
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort(
    (a, b) => a - b,
  );
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const covering = marks
      .filter((m) => m.start <= from && m.end >= to)
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    const open = covering
      .map(
        (m) =>
          `<mark class="${m.className}"${m.id !== undefined && m.start === from ? ` id="${m.id}"` : ''}${m.tooltip === undefined ? '' : ` title="${esc(m.tooltip)}"`}>`,
      )
      .join('');
    html += `${open}${esc(text.slice(from, to))}${'</mark>'.repeat(covering.length)}`;
  }
  return html;
}

function bylineOf(record: ArticleRecord): string {
  const parts = [
    record.publishedAt
      ? `Published ${record.publishedAt}`
      : `Published: unknown (relative dates read against the upload day, ${record.referenceDate})`,
    record.dateline
      ? [record.dateline.place, record.dateline.agency && `(${record.dateline.agency})`]
          .filter(Boolean)
          .join(' ')
      : '',
    record.byline ?? '',
  ];
  return parts.filter((p) => p !== '').join(' · ');
}

function legend(): string {
  const items = ENTITY_TYPES.map((t) => `<mark class="ent ${t}">${t.toLowerCase()}</mark>`);
  items.push('<mark class="date DATE">date or time</mark>');
  return `<p class="legend">${items.join(' ')}</p>`;
}

/** The reference date with where it came from, so a reader sees when relative dates rest on the upload day. */
function referenceDateOf(record: ArticleRecord): string {
  const source = record.referenceDateSource;
  if (source === undefined) return record.referenceDate;
  const from = { metadata: 'publication date', dateline: 'dateline', upload: 'upload day: a guess' }[source];
  return `${record.referenceDate} (${from})`;
}

function metadata(record: ArticleRecord): string {
  const rows: [string, string | undefined][] = [
    ['article', record.id],
    ['status', record.rejection ? `${record.status} (${record.rejection.code})` : record.status],
    ['source', `s3://${record.source.bucket}/${record.source.key}`],
    ['published', record.publishedAt],
    ['reference date', referenceDateOf(record)],
    ['language', record.language],
    ['locale', record.locale],
    ['words', String(record.wordCount)],
    ['keywords', record.keywords.join(', ') || undefined],
    ['ingested', record.ingestedAt],
    ['pipeline', record.pipelineVersion],
    ['taggers', record.taggerVersion || undefined],
  ];
  const dl = rows
    .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
    // The id is copied whole: it gets a row of its own and never wraps mid-hash.
    .map(([k, v]) =>
      k === 'article'
        ? `<dt class="wide">${esc(k)}</dt><dd class="id">${esc(v)}</dd>`
        : `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`,
    )
    .join('');
  return `<section><h2>Record</h2><dl>${dl}</dl></section>`;
}

/** At most this many numbered links per entity; the count says how many there are. */
const MAX_OCCURRENCE_LINKS = 12;

/** `×3` and a link to each mention after the first (the name links to the first). */
function occurrenceLinks(g: EntityGroup): string {
  const links = Array.from(
    { length: Math.min(g.mentions, MAX_OCCURRENCE_LINKS) - 1 },
    (_, i) => ` <a class="occ" href="#${occurrenceId(g.index, i + 2)}">${i + 2}</a>`,
  ).join('');
  return `<span class="n">×${g.mentions}</span>${links}`;
}

function entityPanel(groups: readonly EntityGroup[]): string {
  if (groups.length === 0) return '<section><h2>Entities</h2><p class="none">none</p></section>';
  const byType = ENTITY_TYPES.map((type) => {
    const members = groups.filter((g) => g.type === type);
    if (members.length === 0) return '';
    const items = members
      .map(
        (g) =>
          `<li class="g${g.index}"><a href="#${occurrenceId(g.index, 1)}"><mark class="ent ${type}">${esc(g.canonical)}</mark></a> ${occurrenceLinks(g)}</li>`,
      )
      .join('');
    return `<h3>${type.toLowerCase()} <span class="n">${members.length}</span></h3><ul>${items}</ul>`;
  });
  return `<section><h2>Entities</h2>${byType.join('')}</section>`;
}

/**
 * Dates in the order the text first mentions them, one row per normalised value with its wordings; the type is
 * named only when it is not a plain DATE (durations, sets and times stand out, dates do not repeat "DATE").
 */
function datePanel(record: ArticleRecord): string {
  const byValue = new Map<string, { type: string; value: string; texts: Set<string> }>();
  for (const d of [...record.dates].sort((a, b) => a.start - b.start)) {
    const value = [d.value, d.mod].filter(Boolean).join(' ');
    const key = `${d.type} ${value}`;
    const row = byValue.get(key) ?? { type: d.type, value, texts: new Set<string>() };
    row.texts.add(d.text);
    byValue.set(key, row);
  }
  if (byValue.size === 0) return '<section><h2>Dates</h2><p class="none">none</p></section>';
  const items = [...byValue.values()]
    .map(
      ({ type, value, texts }) =>
        `<li>${type === 'DATE' ? '' : `<span class="type">${esc(type.toLowerCase())}</span> `}<code>${esc(value)}</code> ${esc([...texts].map((t) => `“${t}”`).join(', '))}</li>`,
    )
    .join('');
  return `<section><h2>Dates <span class="n">${byValue.size}</span></h2><ul class="dates">${items}</ul></section>`;
}

function css(groupCount: number): string {
  const colours = ENTITY_TYPES.map((t) => `mark.ent.${t}{background:${ENTITY_COLOURS[t]}}`).join('');
  // Hovering an entity in the panel outlines its mentions in the text (no script needed).
  const hovers = Array.from(
    { length: groupCount },
    (_, i) => `body:has(aside li.g${i}:hover) main mark.g${i}{outline:2px solid #e8590c}`,
  ).join('');
  return `
*{box-sizing:border-box}
body{margin:0;display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:1.5rem;padding:1.5rem;
  font:16px/1.6 Georgia,'DejaVu Serif',serif;color:#212529;background:#f8f9fa}
main{background:#fff;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.8rem;line-height:1.25;margin:0 0 .4rem}
.byline{color:#495057;margin:0 0 1rem;font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.9rem}
.legend{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.8rem;margin:0 0 1.5rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:none;color:inherit;border-radius:3px;padding:0 1px}
${colours}
mark.date{background:none;border-bottom:2px solid #f03e3e;background-image:linear-gradient(#fff0f0,#fff0f0)}
mark.ent mark.date,mark.date mark.ent{border-bottom:2px solid #f03e3e}
mark.heading{font-weight:bold;font-size:1.1em}
.notice{background:#fff3bf;padding:.6rem .8rem;border-radius:4px;font-family:system-ui,'DejaVu Sans',sans-serif}
aside{font-family:system-ui,'DejaVu Sans',sans-serif;font-size:.85rem}
aside section{background:#fff;padding:1rem 1.2rem;border-radius:8px;margin-bottom:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
aside h2{font-size:1rem;margin:0 0 .6rem}
aside h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:#495057;margin:.8rem 0 .3rem}
dl{display:grid;grid-template-columns:auto minmax(0,1fr);gap:.2rem .8rem;margin:0}
dt{color:#868e96}dd{margin:0;overflow-wrap:anywhere}
dt.wide{grid-column:1/-1}dd.id{grid-column:1/-1;white-space:nowrap;overflow-wrap:normal;
  font:.78rem/1.4 ui-monospace,'DejaVu Sans Mono',monospace}
ul{list-style:none;margin:0;padding:0}li{margin:.15rem 0;cursor:default}
aside section ul{display:flex;flex-wrap:wrap;gap:.1rem .7rem}
aside a{color:inherit;text-decoration:none}a.occ{color:#868e96;font-size:.75em}a.occ:hover{text-decoration:underline}
.type{color:#868e96;font-size:.75em;text-transform:uppercase}
mark:target{outline:2px solid #e8590c}
.n,.none{color:#868e96}
code{font-size:.85em;background:#f1f3f5;padding:0 .25rem;border-radius:3px}
${hovers}
@media (max-width:900px){body{grid-template-columns:1fr}}
`;
}

function safeEntityType(type: string): EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : 'MISC';
}

/** Escapes text for HTML text and (double-quoted) attribute values. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
