import { noDatesIn } from '../tag-helper';

noDatesIn('fiscal years', [
  ['a fiscal metaphor', 'The fiscal cliff loomed.'],
  ['an abbreviation alone', 'FY is an abbreviation.'],
]);
