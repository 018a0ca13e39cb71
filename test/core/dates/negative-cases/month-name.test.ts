import { noDatesIn } from '../tag-helper';

noDatesIn('month names', [
  ['a first name "April"', 'April Ryan asked the question.'],
  ['a first name "June"', 'June Carter sang the final song.'],
  ['a first name "Jan"', 'Jan Kavan spoke to reporters.'],
  ['"may" as a modal', 'Officials may decide soon.'],
  ['"march" as a verb', 'Troops will march to the border.'],
  ['a city "Augusta"', 'Augusta hosted the Masters.'],
]);
