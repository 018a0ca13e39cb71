/**
 * A language tag with a region, in BCP 47 case (`en-GB` from `en-GB`, `en_gb` or `EN-gb`), or undefined when the
 * tag names no two-letter region: only the region says how a source writes its dates.
 */
function localeWithRegion(tag: string | undefined): string | undefined {
  const m = /^([a-z]{2})[-_]([a-z]{2})$/i.exec(tag?.trim() ?? '');
  return m ? `${(m[1] ?? '').toLowerCase()}-${(m[2] ?? '').toUpperCase()}` : undefined;
}

/**
 * The first of several declarations (`Content-Language: en-GB, fr-FR` lists more than one) that names a region.
 */
export function firstLocale(...declarations: readonly (string | undefined)[]): string | undefined {
  for (const declaration of declarations) {
    for (const tag of declaration?.split(',') ?? []) {
      const locale = localeWithRegion(tag);
      if (locale !== undefined) return locale;
    }
  }
  return undefined;
}
