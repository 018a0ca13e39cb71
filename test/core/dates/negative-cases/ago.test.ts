import { noDatesIn } from '../tag-helper';

noDatesIn('"ago" phrases', [
  ['a song title', 'The song "Years Ago" charted.'],
  ['a decade after an untold event', 'Nearly three decades later, the case was reopened.'],
]);
