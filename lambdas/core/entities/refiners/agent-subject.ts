import type { MentionVeto } from './mention-veto';

/**
 * Verbs whose subject is someone who acts or speaks. Only verbs that cannot read as anything else after a
 * name are listed: "called" alone is not ("a group called X", "the match was called off"), "called for" is.
 */
const AGENT_VERBS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'urged',
  'urges',
  'warned',
  'warns',
  'demanded',
  'demands',
  'announced',
  'announces',
  'accused',
  'accuses',
  'condemned',
  'condemns',
  'appealed',
  'insisted',
  'told',
]);

/** Verbs that name an agent only with the particle that follows them. */
const AGENT_PHRASAL: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['called', new Set(['for', 'on'])],
  ['calls', new Set(['for', 'on'])],
]);

/**
 * A multi-word MISC mention (events, works, nationality groups, adjectives) that is the subject of a verb
 * of speaking or demanding ("The Korea Peace Now! called for …") is an agent, which multi-word MISC
 * mentions almost never are: 2 of 332 multi-word subjects of such verbs in eng.train, both plural party
 * members.
 */
export const agentSubject: MentionVeto = {
  name: 'agent-subject',
  vetoes(words, mention, sentence) {
    if (mention.type !== 'MISC' || mention.last === mention.first) return false;
    const i = mention.last + 1;
    if (i >= sentence.end) return false;
    const word = words[i] as string;
    if (AGENT_VERBS.has(word)) return true;
    const particles = AGENT_PHRASAL.get(word);
    return particles !== undefined && i + 1 < sentence.end && particles.has(words[i + 1] as string);
  },
};
