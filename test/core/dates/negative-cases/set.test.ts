import { noDatesIn } from '../tag-helper';

noDatesIn('sets', [
  ['a TV show', 'The Daily Show aired.'],
  ['a magazine', 'The Weekly Standard closed.'],
]);
