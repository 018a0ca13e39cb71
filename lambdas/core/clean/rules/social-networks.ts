/**
 * Networks that share buttons, share rails and "Share on …" labels name, lower-cased: one list for every rule
 * that recognises them.
 */
export const SHARE_NETWORKS: readonly string[] = [
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'email',
  'e-mail',
  'reddit',
  'pinterest',
  'telegram',
  'flipboard',
  'bluesky',
  'threads',
];
