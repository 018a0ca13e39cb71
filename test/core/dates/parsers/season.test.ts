import { found } from '../tag-helper';

describe('seasons', () => {
  it.each([
    ['Protests are feared this summer.', '1998-03-22', 'this summer', '1998-SU'],
    ['Sales rose in the summer.', '1989-10-26', 'the summer', '1989-SU'],
    ['The plant closed in the fall of 1989.', '1999-01-01', 'the fall of 1989', '1989-FA'],
    ['Sales rose last fall.', '1999-01-20', 'last fall', '1998-FA'],
  ])('%s', (text, ref, expression, value) => {
    // Act
    const spans = found(text, ref);
    // Assess
    expect(spans).toEqual([{ text: expression, type: 'DATE', value }]);
  });
});
