import { noDatesIn } from '../tag-helper';

noDatesIn('durations', [
  ['a hat size', 'He wore a 10-gallon hat.'],
  ['a distance', 'She ran the 100 meters.'],
  ['an ordinal "second"', 'A second person was hurt.'],
  ['a count of sides', 'The two sides met.'],
]);
