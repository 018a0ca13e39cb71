import { noDatesIn } from '../tag-helper';

noDatesIn('weekdays', [
  ['a shopping day', 'Shops cut prices on Cyber Monday.'],
  ['a church day', 'Ash Wednesday services drew crowds.'],
  ['a market crash', 'Traders still talk about Black Monday.'],
  ['a primary day', 'Candidates prepared for Super Tuesday.'],
]);
