import { noDatesIn } from '../tag-helper';

noDatesIn('reference words', [
  ['a grammar term', 'The present tense is hard.'],
  ['plural currents', 'The currents were strong.'],
  ['a magazine', 'The Present Tense magazine closed.'],
]);
