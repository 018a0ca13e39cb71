import type { EntityMention, EntitySpan, EntitySummary, EntityType } from './types';

/** A distinct surface form of one type, tokenised for matching. */
interface Form {
  readonly type: EntityType;
  readonly text: string;
  readonly words: readonly string[];
  /** Lower-cased words, so a headline's `SEOUL` meets the body's `Seoul`. */
  readonly folded: readonly string[];
  /** `folded` joined by spaces. */
  readonly key: string;
  /** All capitals (a headline spelling, or an acronym). */
  readonly allCaps: boolean;
  /** Initials of its capitalised words: `United Nations` → `UN`. */
  readonly initials: string;
}

const SPACES = /\s+/g;
const CAPITALISED = /^\p{Lu}/u;

function formOf(type: EntityType, raw: string): Form {
  const text = raw.replace(SPACES, ' ').trim();
  const words = text.split(' ');
  const folded = words.map((w) => w.toLowerCase());
  let initials = '';
  for (const w of words) if (CAPITALISED.test(w)) initials += w.charAt(0);
  return { type, text, words, folded, key: folded.join(' '), allCaps: isAllCaps(text), initials };
}

/** Whether `short` occurs as a contiguous run of words inside `long` (case-insensitively). */
function containsRun(long: readonly string[], short: readonly string[]): boolean {
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

function isAllCaps(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * Resolves one form to the name of the entity it refers to, among the forms of its type in the article: the
 * unique longest form that contains it ("Biegun" → "Stephen Biegun", "Kim" → "Kim Jong Un"), or whose
 * initials it spells ("UN" → "United Nations"). With two or more unrelated candidates the mention is
 * ambiguous and keeps its own name; so does a form nothing longer contains.
 */
function resolveForm(form: Form, sameType: readonly Form[]): string {
  const acronym = form.words.length === 1 && form.text.length >= 2 && form.allCaps;
  const candidates = sameType.filter(
    (f) =>
      f.words.length > form.words.length &&
      (containsRun(f.folded, form.folded) || (acronym && f.initials === form.text)),
  );
  if (candidates.length > 0) {
    const maximal = candidates.filter(
      (c) =>
        !candidates.some(
          (d) => d !== c && d.words.length > c.words.length && containsRun(d.folded, c.folded),
        ),
    );
    const first = maximal[0] as Form;
    if (maximal.every((m) => m.key === first.key)) return bestSpelling(maximal);
  }
  // Same words, different case only (SEOUL / Seoul): prefer the spelling of running text.
  return bestSpelling(sameType.filter((f) => f.key === form.key));
}

/** Among spellings of one name, prefers mixed case (running text) to ALL CAPS (headlines), then the first. */
function bestSpelling(forms: readonly Form[]): string {
  const mixed = forms.find((f) => !f.allCaps);
  return (mixed ?? forms[0])?.text ?? '';
}

/**
 * Within-article canonicalisation: each mention gets the canonical name of the entity it refers to, so that
 * "Biegun" and "Stephen Biegun" (or "SEOUL" and "Seoul") count as one entity. Mentions are matched only
 * with mentions of the same type in the same article.
 */
export function canonicalize(spans: readonly EntitySpan[]): EntityMention[] {
  // Distinct (type, text) pairs: articles repeat names, and forms are compared pairwise.
  const byRaw = new Map<string, Form>();
  const forms = new Map<string, Form>();
  const spanForms: Form[] = [];
  for (const s of spans) {
    const rawKey = `${s.type}\u0000${s.text}`;
    let f = byRaw.get(rawKey);
    if (f === undefined) {
      f = formOf(s.type, s.text);
      byRaw.set(rawKey, f);
      const key = `${f.type}\u0000${f.text}`;
      if (!forms.has(key)) forms.set(key, f);
    }
    spanForms.push(f);
  }
  const byType = new Map<EntityType, Form[]>();
  for (const f of forms.values()) {
    const list = byType.get(f.type);
    if (list === undefined) byType.set(f.type, [f]);
    else list.push(f);
  }
  const resolved = new Map<string, string>();
  for (const [k, f] of forms) resolved.set(k, resolveForm(f, byType.get(f.type) ?? []) || f.text);
  return spans.map((s, i) => {
    const f = spanForms[i] as Form;
    return { ...s, canonical: resolved.get(`${f.type}\u0000${f.text}`) ?? f.text };
  });
}

const collator = new Intl.Collator('en');

/** Groups mentions into entities (canonical name + type) with mention counts, most mentioned first. */
export function summarizeEntities(mentions: readonly EntityMention[]): EntitySummary[] {
  const byKey = new Map<string, { canonical: string; type: EntitySummary['type']; mentions: number }>();
  for (const m of mentions) {
    const key = `${m.type}\u0000${m.canonical}`;
    const entry = byKey.get(key);
    if (entry) entry.mentions++;
    else byKey.set(key, { canonical: m.canonical, type: m.type, mentions: 1 });
  }
  // A collator built once orders exactly as `localeCompare(…, 'en')`, which builds one per call.
  return [...byKey.values()].sort(
    (a, b) => b.mentions - a.mentions || collator.compare(a.canonical, b.canonical),
  );
}
