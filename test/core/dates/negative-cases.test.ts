import { found } from './tag-helper';

describe('negative cases: words that look temporal but are not', () => {
  it.each([
    ['"may" as a verb', 'Sanctions may increase again, officials said.'],
    ['"May" as a surname', 'Prime Minister Theresa May said the vote would go ahead.'],
    ['"March" as a verb', 'Thousands March on Washington to protest.'],
    ['"march" as a noun', 'The march through the city was peaceful.'],
    ['"Sun" as a newspaper', 'The Sun reported that the minister resigned.'],
    ['"Sun" as a company', 'Sun Microsystems shares fell 3%.'],
    ['a price per share', 'The company earned $1.35 a share.'],
    ['a model year', 'He drove the 1990 model across the state.'],
    ['a count of people', 'About 2000 people attended the rally.'],
    ['an amount of money', 'The fine was $2000.'],
    ['a number with a thousands separator', 'It sold 1,990 units.'],
    ['"Reading" as a town', 'Reading beat Leeds in the cup.'],
    ['"reading" as a verb', 'She was reading the report.'],
    ['a percentage', 'Inflation reached 1999% in the crisis.'],
    ['an ordinal "second"', 'He won a second term.'],
    ['an age', 'A 34-year-old man was arrested.'],
    ['an age in words', 'The boy is six years old.'],
    ['a title', 'He appeared on "60 Minutes."'],
    ['"fall" as a verb', 'Prices fall when demand drops.'],
    ['a name "April"', 'U.S. Ambassador April Glaspie met the president.'],
    ['a newspaper "Daily"', 'The Daily Telegraph published the letter.'],
    ['"quarterly" as an adjective', 'The board declared a quarterly dividend of 12 cents.'],
    ['a holiday as a modifier', 'Kim promised a Christmas present to Washington.'],
    ['a programme title', 'Baker, speaking on ABC News\' "This Week," said so.'],
    ['a programme name ending in "Today"', 'You are listening to VOA Today.'],
    ["an owner's model year", "Kopp's 1987 Chevrolet was found at the airport."],
    ['a name ending in "Now"', 'The Korea Peace Now! called for talks.'],
    ['a car model', 'The Audi Q3 sold well in Europe.'],
    ['a visa', 'She applied for an H1 visa.'],
    ['the foreseeable future', 'Troops will stay for the foreseeable future.'],
    ['"High Noon"', 'The poster showed a still from "High Noon."'],
    ['a fraction', 'The recipe needs 1/2 cup of sugar.'],
    ['a score', 'The team won 3-1 at home.'],
    ['"the day before" an event clause', 'He was seen the day before authorities issued a warrant.'],
    ['"current" as a noun phrase', 'The current account deficit widened.'],
    ['lowercase month words', 'The flags may march in the august hall.'],
    ['a room number', 'The minister stayed in Room 1999 of the hotel.'],
    ['a flight number', 'Flight 2024 landed safely in Seoul.'],
    ['a named day', 'Traders still talk about Black Monday.'],
    ['a campaign day', 'Candidates prepared for Super Tuesday.'],
    ['"later" after an untold event', 'Nearly three decades later, the case was reopened.'],
  ])('%s', (_, text) => {
    // Act
    const spans = found(text, '1999-06-01');
    // Assess
    expect(spans).toEqual([]);
  });
});
