import { noDatesIn } from '../tag-helper';

noDatesIn('seasons', [
  ['a movement', 'The Arab Spring began in Tunisia.'],
  ['a first name "Summer"', 'Summer Zervos sued him.'],
  ['a first name "Autumn"', 'Autumn Phillips attended.'],
  ['a band', 'Fall Out Boy played the arena.'],
  ['"spring" as water', 'Spring water is sold here.'],
]);
