import { noDatesIn } from '../tag-helper';

noDatesIn('explicit dates', [
  ['a highway number', 'He drove on Route 66.'],
  ['a mission number', 'Apollo 11 landed on the moon.'],
  ['a ballot measure', 'Proposition 8 passed in California.'],
  ['a film title with a number', 'The Ocean 13 sequel flopped.'],
]);
