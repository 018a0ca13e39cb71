/** The parts of a `Content-Type` header the cleaner uses. */
export interface ContentType {
  /** Lower-cased `type/subtype`. */
  readonly mediaType?: string;
  /** Lower-cased `charset` parameter. */
  readonly charset?: string;
}

/** Parses a `Content-Type` value (`text/html; charset=ISO-8859-1`); tolerant of junk, never throws. */
export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined) return {};
  const [type, ...params] = value.split(';');
  const mediaType = type?.trim().toLowerCase();
  let charset: string | undefined;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(param);
    if (m?.[1]) charset = m[1].toLowerCase();
  }
  return {
    ...(mediaType ? { mediaType } : {}),
    ...(charset === undefined ? {} : { charset }),
  };
}

const NON_TEXT =
  /^(image|audio|video|font|model)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.rar|msword|vnd\.openxmlformats|vnd\.ms-|octet-stream-binary)/;

/**
 * True when the declared type says the object is not text at all. `application/octet-stream` is not in the
 * list: scrapers upload text with it all the time, so its bytes are sniffed instead.
 */
export function isNonTextMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && NON_TEXT.test(mediaType);
}

/** True for the media types of HTML pages. */
export function isHtmlMediaType(mediaType: string | undefined): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}
