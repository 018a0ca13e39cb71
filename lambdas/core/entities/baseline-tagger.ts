import type { EntitySpan, EntityTagger, EntityType } from './types';

const ORG_HEADS =
  /\b(?:Inc|Corp|Co|Ltd|Council|Committee|Party|Foundation|Bank|Agency|Ministry|Union|Nations|Reuters|Force)\.?$/;
const PLACES = new Set([
  'Seoul',
  'Beijing',
  'Tokyo',
  'Pyongyang',
  'China',
  'Russia',
  'Washington',
  'Japan',
  'Iran',
]);
const STOP = new Set([
  'The',
  'A',
  'An',
  'It',
  'He',
  'She',
  'They',
  'We',
  'In',
  'On',
  'At',
  'But',
  'And',
  'If',
]);

/**
 * Capitalisation heuristic used until the trained tagger lands: runs of capitalised words, typed by a few
 * suffix and place rules. Deliberately simple; it exists so the pipeline's contracts can be exercised.
 */
export function createBaselineEntityTagger(): EntityTagger {
  return {
    version: 'baseline-0',
    tag(text: string): EntitySpan[] {
      const spans: EntitySpan[] = [];
      const run = /\b[A-Z][\w.'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.'-]*)*/g;
      for (let m = run.exec(text); m !== null; m = run.exec(text)) {
        let start = m.index;
        let surface = m[0].replace(/[.'-]+$/, '');
        const first = surface.split(/\s+/)[0] ?? '';
        if (STOP.has(first)) {
          const rest = surface.slice(first.length).trimStart();
          if (rest.length === 0) continue;
          start += surface.length - rest.length;
          surface = rest;
        }
        spans.push({ text: surface, type: guessType(surface), start, end: start + surface.length });
      }
      return spans;
    },
  };
}

function guessType(surface: string): EntityType {
  if (ORG_HEADS.test(surface)) return 'ORGANIZATION';
  if (PLACES.has(surface) || /^(?:North|South) Korea$/.test(surface)) return 'LOCATION';
  if (surface.includes(' ')) return 'PERSON';
  return 'MISC';
}
