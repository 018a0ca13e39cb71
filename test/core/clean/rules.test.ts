import { advertisementRule } from '../../../lambdas/core/clean/rules/advertisement';
import { breadcrumbRule } from '../../../lambdas/core/clean/rules/breadcrumb';
import { bylineRule } from '../../../lambdas/core/clean/rules/byline';
import { cookieNoticeRule } from '../../../lambdas/core/clean/rules/cookie-notice';
import { copyrightNoticeRule } from '../../../lambdas/core/clean/rules/copyright-notice';
import { creditsRule } from '../../../lambdas/core/clean/rules/credits';
import { dateHeaderRule } from '../../../lambdas/core/clean/rules/date-header';
import { dateLineRule } from '../../../lambdas/core/clean/rules/date-line';
import { furnitureBarRule } from '../../../lambdas/core/clean/rules/furniture-bar';
import { loadingRule } from '../../../lambdas/core/clean/rules/loading';
import { navBlockRule } from '../../../lambdas/core/clean/rules/nav-block';
import { photoCreditRule } from '../../../lambdas/core/clean/rules/photo-credit';
import { relatedTeaserRule } from '../../../lambdas/core/clean/rules/related-teaser';
import { repeatedLinesRule } from '../../../lambdas/core/clean/rules/repeated-lines';
import { shareWidgetsRule } from '../../../lambdas/core/clean/rules/share-widgets';
import { siteChromeRule } from '../../../lambdas/core/clean/rules/site-chrome';
import { subscribePromptRule } from '../../../lambdas/core/clean/rules/subscribe-prompt';
import { tagsFooterRule } from '../../../lambdas/core/clean/rules/tags-footer';
import type { LineRule } from '../../../lambdas/core/clean/rules/types';
import { updateStampRule } from '../../../lambdas/core/clean/rules/update-stamp';
import { clean, contextFor } from './helpers';

/** Lines each rule must remove, and look-alike lines (mostly prose) it must leave alone. */
const CASES: readonly [LineRule, readonly string[], readonly string[]][] = [
  [
    loadingRule,
    ['Loading...', 'Loading…', 'loading', 'Please wait...'],
    ['Loading of the cargo took three days.', 'Loading'.concat(' docks were closed on Friday.')],
  ],
  [
    advertisementRule,
    [
      'Advertisement',
      'ADVERTISEMENT',
      '- Advertisement -',
      'Story continues below advertisement',
      'Sponsored content',
      '[Ad]',
    ],
    [
      'He said the advertisement was misleading.',
      'Advertisement revenue fell 5% in the quarter.',
      'Ads'.concat(' for the campaign ran all week'),
    ],
  ],
  [
    siteChromeRule,
    ['Skip to main content', 'Sign in', 'Log in', 'Menu', 'Back to top', '3 min read', 'Search'],
    [
      'Sign in to read more about the strike, one reader wrote.',
      'The menu included kimchi and rice.',
      'Search teams found the wreck.',
    ],
  ],
  [
    shareWidgetsRule,
    [
      'Share this article',
      'Share',
      'Facebook Twitter LinkedIn Email',
      'Facebook | Twitter | WhatsApp',
      'Follow us on Twitter',
      'Tweet',
    ],
    [
      'He shared the article on Facebook.',
      'Twitter said it would review the post.',
      'Email addresses were leaked.',
    ],
  ],
  [
    furnitureBarRule,
    [
      'Menu Search Sign in',
      'Skip to content Menu',
      'Home | Search | Log in',
      'Subscribe | Log in | My account',
      'Share on Facebook Share on X Share via Email',
      'Share this article Copy link',
      '☰ Menu 🔍 Search',
      'Accept all Reject all Manage cookies',
      'Sign in / Register',
      'Advertisement Advertisement',
    ],
    [
      'Search teams found the wreck.',
      'Search and Rescue',
      'Home Office',
      'Sign in, please',
      'Menu of the Day',
      'Home and Away',
      'Log in details were stolen',
      'Share 12 Comments',
      'Home Search Sign in '.repeat(8),
      'Menu',
    ],
  ],
  [
    subscribePromptRule,
    [
      'Click here to subscribe to our daily newsletter.',
      'Sign up for our Morning Briefing newsletter',
      'Subscribe now',
      'Already a subscriber? Log in',
    ],
    ['Readers who subscribe to the paper get it at home.', 'He urged voters to sign up before the deadline.'],
  ],
  [
    relatedTeaserRule,
    [
      'RELATED: Seoul warns Pyongyang over missile test',
      'Read more: Why the talks stalled',
      'Most read',
      'Related Articles',
      'Watch: Kim inspects launch site',
    ],
    [
      'Related talks in Geneva ended without a deal, officials said.',
      'Watch: the minister said, is what everyone will do. Then they wait. And wait again.',
    ],
  ],
  [
    cookieNoticeRule,
    [
      'We use cookies to improve your experience. By continuing you agree to our use of cookies.',
      'Accept all',
      'Manage preferences',
      'Cookie settings',
      'This site uses cookies.',
    ],
    [
      'Google uses cookies to track users across sites, regulators said.',
      'The regulator fined the site over its cookie banner.',
      'She baked cookies for the whole ward.',
    ],
  ],
  [
    copyrightNoticeRule,
    [
      '© 2019 Reuters',
      'Copyright 2019 The Associated Press. All rights reserved.',
      '(c) Example News Ltd',
      'This material may not be published, broadcast, rewritten or redistributed.',
      'Reproduction in whole or in part is prohibited.',
    ],
    [
      'Copyright law changed in 1998, the court said.',
      'The material may not be published until the trial ends, the judge said.',
      'All rights reserved for the players, the union insisted on Friday.',
    ],
  ],
  [
    photoCreditRule,
    [
      'REUTERS/Kim Hong-Ji',
      '(AP Photo/Ahn Young-joon)',
      'Photo: Jane Doe/Reuters',
      'Getty Images',
      'People watch a TV broadcast in Seoul, South Korea, December 20, 2019. REUTERS/Kim Hong-Ji/File Photo',
    ],
    [
      'The photo showed Kim smiling at the launch.',
      'Reuters reported the talks on Friday.',
      'Pictures of the crash spread online, police said.',
    ],
  ],
  [
    breadcrumbRule,
    ['Home > World > Asia', 'News | Sport | Business | Weather', 'Home › Politics › Congress'],
    ['Shares rose 3% > expectations, analysts said.', 'He scored 2 | 3 | 4 in the trials.'],
  ],
  [
    tagsFooterRule,
    [
      '(tagsToTranslate) north korea (t) pyongyang',
      'Tags: shipping, strikes, ports',
      'Keywords: Bank of England; interest rates',
    ],
    [
      'Tags were attached to the birds before release.',
      'Topics: what the talks covered, and why they failed, is the subject of this long report which goes on.',
    ],
  ],
  [
    creditsRule,
    [
      '(Reporting by Hyonhee Shin; Editing by Lincoln Feast)',
      'Reporting by Anna de Vries in Rotterdam and Mark Jansen in Amsterdam; Editing by Tom Hughes',
      'Writing by Jane Roe',
    ],
    ['Reporting by the BBC showed the talks had failed.', 'Editing by hand took the team weeks, she said.'],
  ],
  [
    dateHeaderRule,
    [
      'date 2019-12-20 Loading...',
      'Published: 1998-01-08',
      'Posted on October 30, 1989 10:42 AM ET',
      'Date: 20.12.2019',
    ],
    [
      'Date night is back, organisers said.',
      'Published in 1998, the book sold well.',
      'Posted guards stood at the gate.',
    ],
  ],
  [
    updateStampRule,
    ['Updated: Dec 20, 2019 9:01 AM', 'Last updated 2019-12-21T10:00:00Z'],
    ['Updated figures show growth slowed.', 'Updated rules take effect in 2020.'],
  ],
];

describe.each(CASES.map(([rule, removed, kept]) => [rule.id, rule, removed, kept] as const))(
  '%s',
  (_id, rule, removed, kept) => {
    it.each(removed)(`${rule.id} removes %j`, (line) => {
      // Prepare: the line in the zone where the rule applies.
      const zone = rule.zones[0]!;
      // Act
      const verdict = rule.match(line, contextFor(line, zone));
      // Assess
      expect(verdict).toBeDefined();
    });

    it.each(kept)(`${rule.id} keeps %j`, (line) => {
      // Prepare: prose or a look-alike, in every zone the rule applies to.
      // Act
      const verdicts = rule.zones.map((zone) => rule.match(line, contextFor(line, zone)));
      // Assess
      expect(verdicts.every((v) => v === undefined)).toBe(true);
    });
  },
);

describe('header-only rules', () => {
  it.each(
    (
      [
        [dateLineRule, 'October 30, 1989 10:42 AM ET', { publishedAt: '1989-10-30T10:42:00-05:00' }],
        [dateLineRule, '2019-12-20T08:15:00+09:00', { publishedAt: '2019-12-20T08:15:00+09:00' }],
        [bylineRule, 'By Jane Doe', { byline: 'Jane Doe' }],
        [bylineRule, 'By JANE DOE and John Roe, Reuters', { byline: 'JANE DOE and John Roe, Reuters' }],
        [
          bylineRule,
          'By Anna de Vries | December 20, 2019 8:15 AM GMT',
          { byline: 'Anna de Vries', publishedAt: '2019-12-20T08:15:00Z' },
        ],
      ] as const
    ).map(([rule, line, extracted]) => [rule.id, rule, line, extracted] as const),
  )('%s reads %j in the header', (_id, rule, line, extracted) => {
    // Prepare
    const context = contextFor(line, 'header');
    // Act
    const verdict = rule.match(line, context);
    // Assess
    expect(verdict).toEqual({ action: 'remove', extracted });
  });

  it.each(
    (
      [
        [bylineRule, 'By the end of the year, talks had stalled.'],
        [bylineRule, 'By Monday, talks collapsed.'],
        [bylineRule, 'By land and sea'],
        [dateLineRule, 'October 30, 1989: a day to remember'],
      ] as const
    ).map(([rule, line]) => [rule.id, rule, line] as const),
  )('%s keeps %j', (_id, rule, line) => {
    // Prepare
    const context = contextFor(line, 'header');
    // Act
    const verdict = rule.match(line, context);
    // Assess
    expect(verdict).toBeUndefined();
  });

  it('bare date lines only count above the article', () => {
    // Prepare: a timeline entry inside the body.
    const article = [
      'The timeline of the talks is long and full of reversals, officials said on Friday.',
      '',
      'October 30, 1989',
      '',
      'The first round opened in Geneva with a handshake and little else, diplomats recalled later.',
    ].join('\n');
    // Act
    const cleaned = clean(article);
    // Assess
    expect(cleaned.text).toContain('October 30, 1989');
    expect(cleaned.publishedAt).toBeUndefined();
  });
});

describe('document-level rules', () => {
  it.each([
    ['three times in the body', 'body', 3, true],
    ['twice above the article', 'header', 2, true],
    ['twice in the body', 'body', 2, false],
  ])('repeated-lines: a short line %s', (_name, zone, occurrences, removed) => {
    // Prepare
    const context = contextFor('Politics', zone as 'body' | 'header', occurrences);
    // Act
    const verdict = repeatedLinesRule.match('Politics', context);
    // Assess
    expect(verdict !== undefined).toBe(removed);
  });

  it('nav-block removes a menu of four or more entries above the article', () => {
    // Prepare
    const lines = ['World', 'Business', 'Markets', 'Tech & Science', 'Talks stall as deadline nears'];
    // Act
    const verdicts = lines.map((line, index) =>
      navBlockRule.match(line, { lines, index, zone: 'header', occurrences: () => 1 }),
    );
    // Assess
    expect(verdicts.map((v) => v !== undefined)).toEqual([true, true, true, true, false]);
  });

  it('nav-block keeps a short run', () => {
    // Prepare
    const lines = ['World', 'Business', 'Talks stall as deadline nears'];
    // Act
    const verdicts = lines.map((line, index) =>
      navBlockRule.match(line, { lines, index, zone: 'header', occurrences: () => 1 }),
    );
    // Assess
    expect(verdicts.every((v) => v === undefined)).toBe(true);
  });
});

describe('the sentence guard', () => {
  it.each([
    'He said the advertisement was misleading.',
    'Share prices fell sharply in early trading on Friday.',
    'Menu prices at the summit hotel were criticised by delegates.',
    'Home owners in the area were told to leave by the police.',
    'Loading the ships took longer than planned, the union said.',
    // A notice's words, reported: the site's own voice is never attributed to someone.
    'We use cookies to track users without consent, the regulator found in its report published on Monday.',
    'Reproduction of the report is prohibited under EU rules, a spokesman said on Tuesday.',
    'Subscribe now or lose access, the union told its members in a letter.',
    'We use cookies as a metaphor, the chef joked.',
    'All rights reserved, according to the court filing.',
  ])('keeps the prose line %j through the whole cleaner', (line) => {
    // Prepare: the look-alike between two ordinary paragraphs.
    const article = `The talks resumed on Friday after a week-long pause, officials said.\n\n${line}\n\nBoth sides said they hoped to reach a deal before the holidays.`;
    // Act
    const cleaned = clean(article);
    // Assess
    expect(cleaned.text.split('\n\n')).toContain(line);
    expect(cleaned.removed).toEqual([]);
  });
});
