import { found } from '../tag-helper';

describe('explicit dates: negative cases', () => {
  it.each([['a highway number', 'He drove on Route 66.']])('%s', (_, text) => {
    // Act
    const spans = found(text, '2024-04-10');
    // Assess
    expect(spans).toEqual([]);
  });
});
