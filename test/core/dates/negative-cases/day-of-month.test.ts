import { noDatesIn } from '../tag-helper';

noDatesIn('days of the month', [
  ['a place in a race', 'He finished 14th in the race.'],
  ['a street', 'She lives on 42nd Street.'],
  ['a military unit', 'The 3rd Infantry Division deployed.'],
]);
