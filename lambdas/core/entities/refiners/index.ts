import { agentSubject } from './agent-subject';
import { headNoun } from './head-noun';
import type { MentionVeto } from './mention-veto';
import { titleNoun } from './title-noun';

export { mergeAdjacentPersons } from './adjacent-persons';
export { refineBrandNames } from './brand-names';
export { echoCapitalizedMentions } from './caps-echo';
export { refineCompanyContexts } from './company-context';
export { refineHolidayMentions } from './holiday-names';
export { refineMajorityTypes } from './majority-type';
export { refineNamesakes } from './namesake';
export { redecodeOpeningNames } from './opening-name';
export { refinePersonContexts } from './person-context';
export { redecodeVetoedMentions } from './redecode';
export { refineTitledPersons } from './titled-person';
export { REFINERS_VERSION } from './version';

/** The vetoes the tagger applies after decoding, in order (the first that applies to a mention wins). */
export const MENTION_VETOES: readonly MentionVeto[] = [agentSubject, headNoun, titleNoun];
