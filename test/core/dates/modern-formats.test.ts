import { found } from './tag-helper';

// Reference day of the table: Wednesday 10 April 2024.
const REF = '2024-04-10';

describe('modern news formats', () => {
  it.each([
    // Day before month, with and without weekday and commas.
    [
      'The talks opened on Monday, 2 October 2023 in Geneva.',
      undefined,
      'Monday, 2 October 2023',
      'DATE',
      '2023-10-02',
    ],
    [
      'The talks opened on Monday 2 October 2023 in Geneva.',
      undefined,
      'Monday 2 October 2023',
      'DATE',
      '2023-10-02',
    ],
    ['The talks opened on 2 October 2023 in Geneva.', undefined, '2 October 2023', 'DATE', '2023-10-02'],
    ['The talks opened on 2 October, 2023, in Geneva.', undefined, '2 October, 2023', 'DATE', '2023-10-02'],
    ['Shares were sold on 2 Oct 2023, filings show.', undefined, '2 Oct 2023', 'DATE', '2023-10-02'],
    ['Shares were sold on 2 Oct. 2023, filings show.', undefined, '2 Oct. 2023', 'DATE', '2023-10-02'],
    [
      'Shares were sold on Tuesday, 3 Oct 2023, filings show.',
      undefined,
      'Tuesday, 3 Oct 2023',
      'DATE',
      '2023-10-03',
    ],
    [
      'The decree took effect on the 2nd of October 2023.',
      undefined,
      '2nd of October 2023',
      'DATE',
      '2023-10-02',
    ],
    ['The decree took effect on 21st March 2024.', undefined, '21st March 2024', 'DATE', '2024-03-21'],
    // Month before day.
    ['It happened on October 2nd, 2023 at the plant.', undefined, 'October 2nd, 2023', 'DATE', '2023-10-02'],
    ['It happened on October 2, 2023, at the plant.', undefined, 'October 2, 2023', 'DATE', '2023-10-02'],
    ['It happened on Oct. 2, 2023 at the plant.', undefined, 'Oct. 2, 2023', 'DATE', '2023-10-02'],
    ['It happened on Oct 2 2023 at the plant.', undefined, 'Oct 2 2023', 'DATE', '2023-10-02'],
    ['It happened on Sept. 30, 2023 at the plant.', undefined, 'Sept. 30, 2023', 'DATE', '2023-09-30'],
    [
      'It happened on Monday, Oct. 2, 2023, at the plant.',
      undefined,
      'Monday, Oct. 2, 2023',
      'DATE',
      '2023-10-02',
    ],
    [
      'It happened on Monday, October 2nd, 2023, at the plant.',
      undefined,
      'Monday, October 2nd, 2023',
      'DATE',
      '2023-10-02',
    ],
    [
      'It happened on Friday Oct. 11, 2019, in Addis Ababa.',
      undefined,
      'Friday Oct. 11, 2019',
      'DATE',
      '2019-10-11',
    ],
    ['The strike started on March 28th and ended.', undefined, 'March 28th', 'DATE', '2024-03-28'],
    // ISO dates and timestamps.
    ['The report is dated 2023-10-02.', undefined, '2023-10-02', 'DATE', '2023-10-02'],
    [
      'Posted 2023-10-02T14:30:00Z by the editor.',
      undefined,
      '2023-10-02T14:30:00Z',
      'TIME',
      '2023-10-02T14:30:00',
    ],
    [
      'Posted 2023-10-02T14:30+02:00 by the editor.',
      undefined,
      '2023-10-02T14:30+02:00',
      'TIME',
      '2023-10-02T14:30',
    ],
    ['Posted 2023-10-02 14:30 by the editor.', undefined, '2023-10-02 14:30', 'TIME', '2023-10-02T14:30'],
    [
      'Posted 2020-02-18T16:45:34.000Z by the editor.',
      undefined,
      '2020-02-18T16:45:34.000Z',
      'TIME',
      '2020-02-18T16:45:34',
    ],
    // Numeric dates: unambiguous whatever the locale.
    ['The deadline was 31/03/2024 for all bids.', undefined, '31/03/2024', 'DATE', '2024-03-31'],
    ['The deadline was 3/31/2024 for all bids.', undefined, '3/31/2024', 'DATE', '2024-03-31'],
    ['The deadline was 3/31/24 for all bids.', undefined, '3/31/24', 'DATE', '2024-03-31'],
    ['The deadline was 31.03.2024 for all bids.', undefined, '31.03.2024', 'DATE', '2024-03-31'],
    ['The deadline was 31-03-2024 for all bids.', undefined, '31-03-2024', 'DATE', '2024-03-31'],
    ['The deadline was 2024/03/31 for all bids.', undefined, '2024/03/31', 'DATE', '2024-03-31'],
    ['The deadline was 5/5/2024 for all bids.', undefined, '5/5/2024', 'DATE', '2024-05-05'],
    ['The deadline was 31/03/2024 for all bids.', 'en-US', '31/03/2024', 'DATE', '2024-03-31'],
    ['The deadline was 3/31/2024 for all bids.', 'en-GB', '3/31/2024', 'DATE', '2024-03-31'],
    // Numeric dates that only the locale decides; without one the day stays unknown.
    ['The deadline was 03/04/2024 for all bids.', 'en-GB', '03/04/2024', 'DATE', '2024-04-03'],
    ['The deadline was 03/04/2024 for all bids.', 'en-AU', '03/04/2024', 'DATE', '2024-04-03'],
    ['The deadline was 03/04/2024 for all bids.', 'en-US', '03/04/2024', 'DATE', '2024-03-04'],
    ['The deadline was 03.04.2024 for all bids.', 'de-DE', '03.04.2024', 'DATE', '2024-04-03'],
    ['The deadline was 03/04/2024 for all bids.', undefined, '03/04/2024', 'DATE', '2024-XX-XX'],
    ['The deadline was 03/04/2024 for all bids.', 'en', '03/04/2024', 'DATE', '2024-XX-XX'],
    ['The deadline was 03/04/2024 for all bids.', 'en-CA', '03/04/2024', 'DATE', '2024-XX-XX'],
    // Clock times with zones.
    [
      'The hearing began at 3:30 p.m. EST on Tuesday.',
      undefined,
      '3:30 p.m. EST',
      'TIME',
      '2024-04-09T15:30',
    ],
    ['The hearing began at 9 am ET and was streamed.', undefined, '9 am ET', 'TIME', '2024-04-10T09:00'],
    ['We learned more at 2 p.m. ET.', undefined, '2 p.m. ET', 'TIME', '2024-04-10T14:00'],
    [
      'It began at 10 a.m. Eastern time, officials said.',
      undefined,
      '10 a.m. Eastern time',
      'TIME',
      '2024-04-10T10:00',
    ],
    ['It began at 8 pm Eastern and ran late.', undefined, '8 pm Eastern', 'TIME', '2024-04-10T20:00'],
    ['The vote closed at 11:59 p.m. PDT on Monday.', undefined, '11:59 p.m. PDT', 'TIME', '2024-04-08T23:59'],
    ['The market opened at 14:30 GMT on Monday.', undefined, '14:30 GMT', 'TIME', '2024-04-08T14:30'],
    ['The polls closed at 20:00 CET, officials said.', undefined, '20:00 CET', 'TIME', '2024-04-10T20:00'],
    [
      'Voting ended at 7 p.m. Central Standard Time.',
      undefined,
      '7 p.m. Central Standard Time',
      'TIME',
      '2024-04-10T19:00',
    ],
    [
      'The launch came at 4 a.m. EDT Thursday, NASA said.',
      undefined,
      '4 a.m. EDT Thursday',
      'TIME',
      '2024-04-04T04:00',
    ],
    // Year ranges: both years are found.
    ['Banks failed in 2007-2008, regulators said.', undefined, '2007', 'DATE', '2007'],
    ['Banks failed in 2007-2008, regulators said.', undefined, '2008', 'DATE', '2008'],
    ['The 2012-13 school year ended early.', undefined, '13', 'DATE', '2013'],
    ['The 1999–00 season was the last.', undefined, '00', 'DATE', '2000'],
    // A month abbreviation without its period before a year; schedules in the present tense look ahead.
    ['Sales for Sept 2023 fell.', undefined, 'Sept 2023', 'DATE', '2023-09'],
    ['The rules take effect Jan. 1.', undefined, 'Jan. 1', 'DATE', '2025-01-01'],
    ['The report is due in February.', undefined, 'February', 'DATE', '2025-02'],
    ['The talks start on Friday in Geneva.', undefined, 'Friday', 'DATE', '2024-04-12'],
    ['Early voting ends Monday.', undefined, 'Monday', 'DATE', '2024-04-15'],
    // Bylines and time stamps as news sites print them.
    ['Mon 2 Oct 2023 14.30 BST', undefined, 'Mon 2 Oct 2023', 'DATE', '2023-10-02'],
    ['Mon 2 Oct 2023 14.30 BST', undefined, '14.30 BST', 'TIME', '2023-10-02T14:30'],
    ['Last modified on Thu 05 Oct 2023 09.12 EDT', undefined, 'Thu 05 Oct 2023', 'DATE', '2023-10-05'],
    // A time stamp's clock time and date are one TIME, as TimeML writes "5 p.m. EST, Nov. 6".
    ['Published: 14:30, 2 October 2023', undefined, '14:30, 2 October 2023', 'TIME', '2023-10-02T14:30'],
    ['Updated 2 Oct 2023, 3:14 pm', undefined, '3:14 pm', 'TIME', '2023-10-02T15:14'],
    ['Oct 2, 2023 / 10:22 AM EDT / Updated an hour ago', undefined, 'Oct 2, 2023', 'DATE', '2023-10-02'],
    [
      'Oct 2, 2023 / 10:22 AM EDT / Updated an hour ago',
      undefined,
      '10:22 AM EDT',
      'TIME',
      '2023-10-02T10:22',
    ],
    [
      'Updated 3:14 PM EDT, Mon October 2, 2023',
      undefined,
      '3:14 PM EDT, Mon October 2, 2023',
      'TIME',
      '2023-10-02T15:14',
    ],
    ['Posted Mon 2 Oct 2023 at 1:20pm', undefined, '1:20pm', 'TIME', '2023-10-02T13:20'],
  ])('%s (%s)', (text, locale, expression, type, value) => {
    // Act
    const spans = found(text, REF, locale);
    // Assess
    expect(spans).toContainEqual({ text: expression, type, value });
  });

  it('reads a date and the clock time after it as one moment', () => {
    // Act
    const spans = found('Saturday, 27 February 2016 05:42 PM', REF);
    // Assess
    expect(spans).toEqual([
      { text: 'Saturday, 27 February 2016', type: 'DATE', value: '2016-02-27' },
      { text: '05:42 PM', type: 'TIME', value: '2016-02-27T17:42' },
    ]);
  });
});
