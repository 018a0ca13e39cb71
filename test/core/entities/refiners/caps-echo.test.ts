import { echoCapitalizedMentions } from '../../../../lambdas/core/entities/refiners/caps-echo';
import type { EntitySpan, EntityType } from '../../../../lambdas/core/entities/types';

/** Spans of `text` for the given (word, type, occurrence) triples. */
function spansOf(text: string, tagged: readonly [string, EntityType, number?][]): EntitySpan[] {
  return tagged.map(([word, type, nth = 0]) => {
    let start = -1;
    for (let k = 0; k <= nth; k++) start = text.indexOf(word, start + 1);
    return { text: word, type, start, end: start + word.length };
  });
}

const shown = (spans: readonly EntitySpan[]): string[] => spans.map((s) => `${s.text}/${s.type}@${s.start}`);

describe('echoCapitalizedMentions', () => {
  it.each<[string, string, readonly [string, EntityType, number?][], string[]]>([
    [
      'a dateline in capitals',
      'MADRID - Officials in Madrid said so.',
      [['Madrid', 'LOCATION']],
      ['MADRID/LOCATION@0', 'Madrid/LOCATION@22'],
    ],
    [
      'a multi-word headline name, longest first',
      'NORTH KOREA FIRES MISSILE\nNorth Korea fired a missile.',
      [['North Korea', 'LOCATION']],
      ['NORTH KOREA/LOCATION@0', 'North Korea/LOCATION@26'],
    ],
    [
      'the running majority decides',
      'JORDAN WINS\nJordan scored. Jordan said. Jordan visited Jordan.',
      [
        ['Jordan', 'PERSON', 0],
        ['Jordan', 'PERSON', 1],
        ['Jordan', 'PERSON', 2],
        ['Jordan', 'LOCATION', 3],
      ],
      ['JORDAN/PERSON@0', 'Jordan/PERSON@12', 'Jordan/PERSON@27', 'Jordan/PERSON@40', 'Jordan/LOCATION@55'],
    ],
  ])('tags %s like the running text', (_name, text, tagged, expected) => {
    // Prepare
    const spans = spansOf(text, tagged).sort((a, b) => a.start - b.start);

    // Act
    const echoed = echoCapitalizedMentions(text, spans);

    // Assess
    expect(shown(echoed)).toEqual(expected);
    expect(echoed.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
  });

  it.each<[string, string, readonly [string, EntityType, number?][]]>([
    [
      'what the tagger found overlapping it',
      'NEW YORK TIMES\nThe New York Times said.',
      [
        ['NEW YORK TIMES', 'ORGANIZATION'],
        ['New York', 'LOCATION'],
      ],
    ],
    ['a capitalised name the running text never tags', 'NATO MEETS\nNato met.', []],
    [
      'a name tied between two types',
      'JORDAN\nJordan went to Jordan.',
      [
        ['Jordan', 'PERSON', 0],
        ['Jordan', 'LOCATION', 1],
      ],
    ],
    ['capitals inside a mixed-case word', 'McDONALD said. Donald came.', [['Donald', 'PERSON']]],
  ])('leaves alone %s', (_name, text, tagged) => {
    // Prepare
    const spans = spansOf(text, tagged).sort((a, b) => a.start - b.start);

    // Act
    const echoed = echoCapitalizedMentions(text, spans);

    // Assess
    expect(echoed).toEqual(spans);
  });

  it('costs time linear in the text: 8× the capitalised words, at most 16× the time', () => {
    // Prepare: many distinct running-text names and long capitalised runs, the worst shape for a naive scan.
    const article = (n: number): { text: string; spans: EntitySpan[] } => {
      const names = Array.from({ length: n }, (_, i) => `Name${i}`);
      const running = names.join(' and ');
      const caps = names.map((w) => w.toUpperCase()).join(' ');
      const text = `${running}.\n${caps}`;
      let at = 0;
      const spans = names.map((w): EntitySpan => {
        const start = text.indexOf(w, at);
        at = start + w.length;
        return { text: w, type: 'PERSON', start, end: at };
      });
      return { text, spans };
    };
    const time = (n: number): number => {
      const { text, spans } = article(n);
      const t0 = process.cpuUsage();
      for (let k = 0; k < 3; k++) echoCapitalizedMentions(text, spans);
      const t = process.cpuUsage(t0);
      return t.user + t.system;
    };
    time(2_000);

    // Act
    const small = time(5_000);
    const large = time(40_000);

    // Assess
    expect(large / small).toBeLessThan(16);
  });
});
