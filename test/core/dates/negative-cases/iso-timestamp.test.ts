import { noDatesIn } from '../tag-helper';

noDatesIn('ISO timestamps', [
  ['an hour past 23', 'Logged 2023-10-02T25:30 in error.'],
  ['a minute past 59', 'Logged 2023-10-02T14:75 in error.'],
  ['an impossible day', 'Logged 2023-02-30T14:30 in error.'],
  ['a month past 12', 'Logged 2023-13-02 14:30 in error.'],
]);
