import { noDatesIn } from '../tag-helper';

noDatesIn('years', [
  ['a phone number', 'Call 1-800-2020 for help.'],
  ['an amount range', 'Tickets cost $2007-2008 at auction.'],
  ['a range read backwards', 'Codes 2019-2018 were swapped.'],
  ['a count of people', 'About 2000 people attended the rally.'],
  ['a numbered route', 'Interstate 2020 is closed.'],
  ['a population figure', 'Population: 2,016 residents.'],
]);
