/**
 * Version of the rules applied after decoding (this folder), joined to the
 * model's in the tagger version. Records store it, and a reprocessed article is rewritten only when its
 * revision (which includes it) changes, so it must change whenever a refiner changes what the same model
 * outputs.
 */
export const REFINERS_VERSION = 'r3';
