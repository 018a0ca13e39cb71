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

function isAllCaps(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * Longest form, in words, that other forms resolve to. Each form is indexed under every run of its words, so
 * the index grows with the square of a form's length; real names are far shorter (at most 10 words in
 * CoNLL-2003), and a form longer than this keeps its own name.
 */
const MAX_LINKED_WORDS = 12;

/**
 * The forms of one type, indexed so that each form finds the longer forms containing it without comparing
 * all pairs (pairwise comparison is quadratic in the number of distinct names, which a long text of
 * capitalised words makes large).
 */
class FormIndex {
  /** Position of each form in article order; candidates are listed in that order, as a scan would. */
  private readonly order = new Map<Form, number>();
  /** Forms by lower-cased key (same words, any case). */
  private readonly byKey = new Map<string, Form[]>();
  /** Forms with more words than the run, by each run of their lower-cased words. */
  private readonly containers = new Map<string, Form[]>();
  /** Forms of two or more words, by their initials. */
  private readonly byInitials = new Map<string, Form[]>();

  public constructor(forms: readonly Form[]) {
    for (const f of forms) {
      this.order.set(f, this.order.size);
      push(this.byKey, f.key, f);
      const w = f.folded.length;
      if (w > MAX_LINKED_WORDS) continue;
      if (w > 1) push(this.byInitials, f.initials, f);
      for (let a = 0; a < w; a++) {
        for (let b = a + 1; b <= w && b - a < w; b++) {
          const run = f.folded.slice(a, b).join(' ');
          // A run occurring twice in one form lists the form once.
          if (this.containers.get(run)?.at(-1) !== f) push(this.containers, run, f);
        }
      }
    }
  }

  /**
   * Resolves one form to the name of the entity it refers to, among the forms of its type in the article:
   * the unique longest form that contains it ("Biegun" → "Stephen Biegun", "Kim" → "Kim Jong Un"), or whose
   * initials it spells ("UN" → "United Nations"). With two or more unrelated candidates the mention is
   * ambiguous and keeps its own name; so does a form nothing longer contains.
   */
  public resolve(form: Form): string {
    const acronym = form.words.length === 1 && form.text.length >= 2 && form.allCaps;
    const byRun = this.containers.get(form.key) ?? [];
    const byInitials = acronym ? (this.byInitials.get(form.text) ?? []) : [];
    const candidates = new Set([...byRun, ...byInitials]);
    if (candidates.size > 0) {
      const maximal = [...candidates]
        .filter((c) => !(this.containers.get(c.key) ?? []).some((d) => candidates.has(d)))
        .sort((a, b) => (this.order.get(a) as number) - (this.order.get(b) as number));
      const first = maximal[0] as Form;
      if (maximal.every((m) => m.key === first.key)) return bestSpelling(maximal);
    }
    // Same words, different case only (SEOUL / Seoul): prefer the spelling of running text.
    return bestSpelling(this.byKey.get(form.key) ?? []);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
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
  // Distinct (type, text) pairs: articles repeat names.
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
  for (const f of forms.values()) push(byType, f.type, f);
  const indexes = new Map<EntityType, FormIndex>();
  for (const [type, list] of byType) indexes.set(type, new FormIndex(list));
  const resolved = new Map<string, string>();
  for (const [k, f] of forms) resolved.set(k, (indexes.get(f.type) as FormIndex).resolve(f) || f.text);
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
