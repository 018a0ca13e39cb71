import { ANY_ZONE, type LineRule, REMOVE } from './types';

/** Agencies and picture desks named in credits. */
const AGENCY =
  '(?:REUTERS|Reuters|AP|AP Photo|AFP|AFP PHOTO|Getty Images|EPA|EPA-EFE|Shutterstock|Xinhua|Bloomberg|AAP|dpa|DPA|Anadolu|Yonhap|KCNA|Kyodo|Alamy|Sipa|ANSA|PA|PA Images|PA Wire|NurPhoto|Imago|Sputnik|TASS)';

/** `Photo: Jane Doe/Reuters`, `Image credit: AFP`, `File photo: …` — a label and a short credit. */
const LABELLED =
  /^(?:photo|photos|photograph|image|picture|pictured|file photo|photo credit|image credit|credit|illustration|graphic|video)(?:\s+(?:by|credit|courtesy(?: of)?))?\s*[:/|]\s*(.{1,120})$/i;

/** A credit alone: `REUTERS/Kim Hong-Ji`, `(AP Photo/Ahn Young-joon)`, `Getty Images`. */
const CREDIT_ONLY = new RegExp(
  `^\\(?(?:${AGENCY}|[\\p{Lu}][\\p{L}.' -]{1,40}\\s*/\\s*${AGENCY})(?:\\s*/\\s*[^)]{1,80})?\\)?\\.?$`,
  'u',
);

/** A caption ending in its credit: `… in Seoul, December 20, 2019. REUTERS/Kim Hong-Ji/File Photo`. */
const CAPTION_CREDIT = new RegExp(
  `(?:\\bREUTERS/\\p{Lu}[\\p{L}.' -]{1,60}(?:/(?:File )?Photo)?|\\((?:AP|AFP|EPA|Reuters|Yonhap|KCNA via REUTERS)(?: Photo)?/[^)]{1,60}\\)|\\b(?:Photo|Image|Picture)(?: by)?:? \\p{Lu}[^.]{0,60}/${AGENCY})\\.?$`,
  'u',
);

/** Photo credits and credited captions: pictures do not survive scraping, their captions are not the story. */
export const photoCreditRule: LineRule = {
  id: 'photo-credit',
  reason: 'photo credit or credited caption',
  zones: ANY_ZONE,
  removesSentences: true,
  match(line) {
    if (line.length > 400) return undefined;
    // A credit alone is short, and names its agency either alone or after a slash.
    if (line.length <= 140 && (line.includes('/') || line.length <= 30) && CREDIT_ONLY.test(line))
      return REMOVE;
    if (line.length <= 140) {
      const labelled = LABELLED.exec(line);
      if (labelled?.[1] && labelled[1].split(' ').length <= 12) return REMOVE;
    }
    // Every credited caption has a slash in its credit (`REUTERS/Name`, `AP Photo/Name`, `Name/AFP`).
    return line.includes('/') && CAPTION_CREDIT.test(line) ? REMOVE : undefined;
  },
};
