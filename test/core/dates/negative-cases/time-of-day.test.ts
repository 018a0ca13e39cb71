import { found, noDatesIn } from '../tag-helper';

noDatesIn('clock times', [
  ['a US-zone reading that may be a.m. or p.m.', 'The race was called about 11:15 EST, minutes later.'],
  ['an afternoon update without a.m./p.m.', 'UPDATE at 1:30 ET: the polls closed.'],
  ['a score with a zone-like word', 'The Celtics led 10:12 at halftime.'],
  ['a lower-case abbreviation', 'She wrote 11:15 et al. in the margin.'],
  ['a decimal before a zone-like word', 'The ratio was 14.30 per cent higher.'],
]);

describe('clock times', () => {
  it.each([
    ['a park after a p.m. time', 'He met her at 3 p.m. Central Park was busy.', '3 p.m'],
    ['a place abbreviation after a p.m. time', 'They left at 5 p.m. Mt. Vernon was quiet.', '5 p.m'],
    // A clock time joins a date after it only as a time stamp, with the year; "the Sun" is a name.
    ['a score before a date without a year', 'The score was 3:14, October 2 was the day.', 'October 2'],
    ['a newspaper named before a date', 'The Sun 2 October edition led with it.', '2 October'],
  ])('keeps a following name out of the time: %s', (_, text, expression) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans.map((s) => s.text)).toEqual([expression]);
  });
});
