import { noDatesIn } from '../tag-helper';

noDatesIn('quarters', [
  ['a district', 'The French Quarter flooded.'],
  ['a share', 'A quarter of voters agreed.'],
  ['mercy', 'He gave no quarter.'],
  ['another district', 'The Latin Quarter is busy.'],
]);
