import { found } from '../tag-helper';

describe('anchored days: negative cases', () => {
  it.each([['"the day before" an event clause', 'He was seen the day before the police arrived.']])(
    '%s',
    (_, text) => {
      // Act
      const spans = found(text, '2024-04-10');
      // Assess
      expect(spans).toEqual([]);
    },
  );
});
