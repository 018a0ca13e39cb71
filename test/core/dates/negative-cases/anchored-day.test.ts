import { noDatesIn } from '../tag-helper';

noDatesIn('anchored days', [
  ['"the day before" an event clause', 'He was seen the day before the police arrived.'],
  ['"the night before" an event clause', 'Shots were heard the night before he was arrested, police said.'],
]);
