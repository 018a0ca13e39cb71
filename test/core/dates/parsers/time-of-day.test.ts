import { found } from '../tag-helper';

describe('clock times', () => {
  it.each([
    ['The blast occurred at 10:35 a.m. in Nairobi.', '10:35 a.m.', '1998-08-07T10:35'],
    ['Relatives have until 9 a.m. Tuesday to sign.', '9 a.m. Tuesday', '1998-08-11T09:00'],
    ['The deadline passed at 5 p.m. EST, Aug. 6.', '5 p.m. EST, Aug. 6', '1998-08-06T17:00'],
    ['They met at noon Thursday.', 'noon Thursday', '1998-08-06T12:00'],
    ['He was shot at 10 p.m. He died later.', '10 p.m', '1998-08-07T22:00'],
    ['It exploded at 4 in the morning.', '4 in the morning', '1998-08-07T04:00'],
  ])('%s', (text, expression, value) => {
    // Act
    const spans = found(text, '1998-08-07');
    // Assess
    expect(spans).toContainEqual({ text: expression, type: 'TIME', value });
  });

  it('gives a time the date of the day after "on", keeping both expressions', () => {
    // Act
    const spans = found('Voting closed at 11:30 GMT on Monday.', '2019-12-20');
    // Assess
    expect(spans).toEqual([
      { text: '11:30 GMT', type: 'TIME', value: '2019-12-16T11:30' },
      { text: 'Monday', type: 'DATE', value: '2019-12-16' },
    ]);
  });
});
