import { tenseAround } from '../../../../lambdas/core/dates/anchoring/tense';

describe('tenseAround', () => {
  it.each([
    ['The talks will resume on Friday.', 'future'],
    ['The minister said on Friday that talks failed.', 'past'],
    ['He met the envoy on Friday.', 'past'],
    ['The company plans to sell the unit on Friday.', 'future'],
    ['Police arrested him on Friday.', 'past'],
    ['The market is open on Friday.', 'present'],
    ['Friday.', 'unknown'],
    ['It will redeem the preferred shares on Friday.', 'future'],
    ['The deal may close on Friday.', 'future'],
    ['Nobody could be located on Friday.', 'unknown'],
    ['In May they met on Friday.', 'past'],
    ['The board decided to close the plant on Friday.', 'future'],
    ['Both sides agreed to meet again on Friday.', 'future'],
    ['The talks collapsed on Friday.', 'past'],
    ['Prime Minister Theresa May said on Friday that talks would continue.', 'past'],
    ['Others were wounded in the blasts next to the U.S. embassies on Friday.', 'past'],
    ['President Bill Clinton Friday condemned the attacks at U.S. embassies and vowed to act.', 'past'],
    ['The visit of Commerce Secretary William Daley is slated for Friday.', 'future'],
    // A schedule in the present looks ahead.
    ['Early voting ends Friday.', 'future'],
    ['The summit, which begins Friday, is tense.', 'future'],
    ['EU leaders meet on Friday to settle it.', 'future'],
    ['Ryan speaks Friday in Vandalia.', 'unknown'],
    ['The festival runs through Friday.', 'future'],
    ['The festival ran through Friday.', 'past'],
    ['The new rules take effect on Friday.', 'future'],
    ['The law goes into effect on Friday.', 'future'],
    ['The filing is due on Friday.', 'future'],
    ['The rules took effect on Friday.', 'past'],
    // "since" looks back whatever the verb.
    ['Investigators have been searching for him since shortly after Friday.', 'past'],
    ['Prices have risen since Friday.', 'past'],
    ['The ban, in force since Friday, will stay.', 'past'],
  ])('reads %j as %s', (sentence, expected) => {
    // Prepare
    const start = sentence.indexOf('Friday');
    // Act
    const tense = tenseAround(sentence, start, start + 'Friday'.length);
    // Assess
    expect(tense).toBe(expected);
  });

  it('stays inside the sentence of the expression', () => {
    // Prepare
    const text = 'Talks will resume. On Friday the envoy left.';
    const start = text.indexOf('Friday');
    // Act
    const tense = tenseAround(text, start, start + 6);
    // Assess
    expect(tense).toBe('past');
  });

  it.each([
    ['a title', 'He sued. On Friday, a week after the Roe vs. Wade anniversary, a bomb killed a guard.'],
    ['an initial', 'Police named him. On Friday James C. Kopp escaped to Canada.'],
    ['a state abbreviation', 'It was quiet. On Friday a clinic in Birmingham, Ala. was bombed.'],
    ['a lower-case "no." that ends a sentence', 'He will say no. On Friday the talks collapsed.'],
  ])('finds the sentence around a period (%s)', (_case, text) => {
    // Prepare
    const start = text.indexOf('Friday');
    // Act
    const tense = tenseAround(text, start, start + 6);
    // Assess
    expect(tense).toBe('past');
  });

  it('ignores participles after "be" (passive voice says nothing about time)', () => {
    // Prepare
    const text = 'The dividend would be paid in January.';
    const start = text.indexOf('January');
    // Act
    const tense = tenseAround(text, start, start + 7);
    // Assess
    expect(tense).toBe('future');
  });
});
