import { ANY_ZONE, type LineRule, REMOVE } from './types';

const PROMPTS: readonly RegExp[] = [
  /^(?:click|tap) here (?:to|for) (?:subscribe|sign up|register|read|continue|download|get|see|view|learn|find out|watch|listen|follow|join|more)\b/i,
  /^(?:subscribe|sign up|register)(?: now| today| here| for free)?(?: (?:to|for) (?:our|the|a) (?:free |daily |weekly )?[\w' -]{0,30}newsletters?)?\s*[.!:]?$/i,
  /^(?:subscribe|sign up|register) (?:now|today|here|for free|to (?:continue reading|read more|get|receive|unlock)|for (?:unlimited|full|digital) access)\b/i,
  /^(?:get|receive|have) (?:the latest|our|breaking|the best|today's|the day's) .{0,80}(?:delivered )?(?:to|in|straight to) your inbox/i,
  /^(?:already a (?:subscriber|member)|not a subscriber|become a (?:subscriber|member)|support (?:our|independent|quality) journalism|you have reached your (?:free )?(?:article|story) limit|you've reached your (?:free )?(?:article|story) limit|to continue reading,? (?:please )?(?:subscribe|log in|sign in))\b/i,
  /^(?:this|the) (?:article|content|story) is (?:for|available (?:only )?to|reserved for|exclusive to) (?:subscribers|members|premium)/i,
  /^(?:want|like) (?:more|stories like this)\?? sign up\b/i,
  /^sign up for (?:our|the) .{0,60}newsletter/i,
];

/** First words of the prompts above: a set lookup spares most lines the regexes. */
const STARTS = new Set([
  'click',
  'tap',
  'subscribe',
  'sign',
  'register',
  'get',
  'receive',
  'have',
  'already',
  'not',
  'become',
  'support',
  'you',
  "you've",
  'to',
  'this',
  'the',
  'want',
  'like',
]);

function firstWord(line: string): string {
  const space = line.indexOf(' ');
  return (space < 0 ? line : line.slice(0, space)).toLowerCase();
}

/** Subscription and paywall prompts: `Click here to subscribe…`, `Sign up for our daily newsletter`. */
export const subscribePromptRule: LineRule = {
  id: 'subscribe-prompt',
  reason: 'subscription or newsletter prompt',
  zones: ANY_ZONE,
  removesSentences: true,
  match(line) {
    if (line.length > 250 || !STARTS.has(firstWord(line))) return undefined;
    for (const re of PROMPTS) if (re.test(line)) return REMOVE;
    return undefined;
  },
};
