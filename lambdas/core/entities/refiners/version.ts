/**
 * Version of the rules applied around the model (this folder, and the re-casing of caseless sentences in
 * `../truecase.ts`), joined to the model's in the tagger version. Records store it, and a reprocessed
 * article is rewritten only when its revision (which includes it) changes, so it must change whenever one
 * of these rules changes what the same model outputs.
 */
export const REFINERS_VERSION = 'r13';
