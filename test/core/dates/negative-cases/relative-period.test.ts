import { noDatesIn } from '../tag-helper';

noDatesIn('relative periods', [
  ['a generation', 'The next generation of phones arrived.'],
  ['an idiom', 'He said this is the last straw.'],
]);
