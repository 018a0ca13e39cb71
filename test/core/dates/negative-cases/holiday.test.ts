import { noDatesIn } from '../tag-helper';

noDatesIn('holidays', [
  ['a name', 'Mother Teresa was canonized.'],
  ['a personification', 'Mother Nature struck the coast.'],
  ['a holiday as a modifier', 'Kim promised a Christmas present to Washington.'],
]);
