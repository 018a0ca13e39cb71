import type { EntityMention, EntitySpan, EntitySummary, EntityType } from './types';

/** A distinct surface form of one type, tokenised for matching. */
interface Form {
  readonly type: EntityType;
  readonly text: string;
  readonly words: readonly string[];
  /** Lower-cased words, so a headline's `SEOUL` meets the body's `Seoul`. */
  readonly folded: readonly string[];
}

function formOf(span: EntitySpan): Form {
  const text = span.text.replace(/\s+/g, ' ').trim();
  const words = text.split(' ');
  return { type: span.type, text, words, folded: words.map((w) => w.toLowerCase()) };
}

/** Whether `short` occurs as a contiguous run of words inside `long` (case-insensitively). */
function containsRun(long: readonly string[], short: readonly string[]): boolean {
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

/** Initials of the capitalised words of a name: `United Nations` → `UN`. */
function initials(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');
}

function isAllCaps(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * Resolves one form to the name of the entity it refers to, among all forms of the article: the unique
 * longest form of the same type that contains it ("Biegun" → "Stephen Biegun", "Kim" → "Kim Jong Un"), or
 * whose initials it spells ("UN" → "United Nations"). With two or more unrelated candidates the mention is
 * ambiguous and keeps its own name; so does a form nothing longer contains.
 */
function resolveForm(form: Form, forms: readonly Form[]): string {
  const key = form.folded.join(' ');
  const candidates = forms.filter(
    (f) =>
      f.type === form.type &&
      f.words.length > form.words.length &&
      (containsRun(f.folded, form.folded) ||
        (form.words.length === 1 &&
          form.text.length >= 2 &&
          isAllCaps(form.text) &&
          initials(f.words) === form.text)),
  );
  const maximal = candidates.filter(
    (c) =>
      !candidates.some((d) => d !== c && d.words.length > c.words.length && containsRun(d.folded, c.folded)),
  );
  const names = new Set(maximal.map((m) => m.folded.join(' ')));
  if (names.size === 1) return bestSpelling(maximal);
  // Same words, different case only (SEOUL / Seoul): prefer the spelling of running text.
  return bestSpelling(forms.filter((f) => f.type === form.type && f.folded.join(' ') === key));
}

/** Among spellings of one name, prefers mixed case (running text) to ALL CAPS (headlines), then the first. */
function bestSpelling(forms: readonly Form[]): string {
  const mixed = forms.find((f) => !isAllCaps(f.text));
  return (mixed ?? forms[0])?.text ?? '';
}

/**
 * Within-article canonicalisation: each mention gets the canonical name of the entity it refers to, so that
 * "Biegun" and "Stephen Biegun" (or "SEOUL" and "Seoul") count as one entity. Mentions are matched only
 * with mentions of the same type in the same article.
 */
export function canonicalize(spans: readonly EntitySpan[]): EntityMention[] {
  const forms = new Map<string, Form>();
  for (const s of spans) {
    const f = formOf(s);
    forms.set(`${f.type}\u0000${f.text}`, f);
  }
  const all = [...forms.values()];
  const resolved = new Map<string, string>();
  for (const [k, f] of forms) resolved.set(k, resolveForm(f, all) || f.text);
  return spans.map((s) => {
    const f = formOf(s);
    return { ...s, canonical: resolved.get(`${f.type}\u0000${f.text}`) ?? f.text };
  });
}

/** Groups mentions into entities (canonical name + type) with mention counts, most mentioned first. */
export function summarizeEntities(mentions: readonly EntityMention[]): EntitySummary[] {
  const byKey = new Map<string, { canonical: string; type: EntitySummary['type']; mentions: number }>();
  for (const m of mentions) {
    const key = `${m.type}\u0000${m.canonical}`;
    const entry = byKey.get(key);
    if (entry) entry.mentions++;
    else byKey.set(key, { canonical: m.canonical, type: m.type, mentions: 1 });
  }
  return [...byKey.values()].sort(
    (a, b) => b.mentions - a.mentions || a.canonical.localeCompare(b.canonical, 'en'),
  );
}
