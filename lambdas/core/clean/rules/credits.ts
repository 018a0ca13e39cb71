import { splitNames } from '../document/person-names';
import { ANY_ZONE, type LineRule } from './types';

const CREDIT =
  /^(?:(?:additional|further)\s+)?(reporting|writing|editing|compiled|compiling|translation|translated|research|graphics|video|production|produced)(?:\s+(?:and|&)\s+\w+)?\s+by\s+(.+)$/i;

/** `in Seoul`, `in New York`: where each reporter filed from. */
const PLACE = /\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*/gu;

/** Cheap test run first: every credit line starts with a role word. */
const ROLE_START =
  /^\(?\s*(?:additional|further|reporting|writing|editing|compil|translat|research|graphics|video|produc)/i;

/** Roles whose people are the story's authors (the rest edited or illustrated it). */
const AUTHOR_ROLES = new Set(['reporting', 'writing']);

/**
 * Wire-service credit lines: `(Reporting by Hyonhee Shin; Editing by Lincoln Feast)`. Every `;`-separated part
 * must be `<role> by <names>`, so prose that starts "Reporting by the BBC showed…" stays. Reporters and
 * writers become the byline when the article has no other.
 */
export const creditsRule: LineRule = {
  id: 'credits',
  reason: 'wire credit line (reporters kept as byline)',
  zones: ANY_ZONE,
  removesSentences: true,
  match(line) {
    if (line.length > 400 || !ROLE_START.test(line)) return undefined;
    const inner = line
      .replace(/^\(\s*/, '')
      .replace(/\s*\)\s*\.?$/, '')
      .replace(/\.$/, '');
    const authors: string[] = [];
    for (const part of inner.split(/\s*;\s*/)) {
      const m = CREDIT.exec(part);
      const names = m?.[2] === undefined ? undefined : splitNames(m[2].replace(PLACE, ''));
      if (names === undefined) return undefined;
      if (AUTHOR_ROLES.has((m?.[1] ?? '').toLowerCase())) authors.push(...names);
    }
    return { action: 'remove', extracted: authors.length > 0 ? { creditedAuthors: authors.join(', ') } : {} };
  },
};
