import { join } from 'node:path';
import type { DeliveryCost, ReadCost, WriteCost } from '../../bin/cli/query-cost';
import { newsflow } from '../helpers/cli';
import { hasJava } from '../helpers/runtime';

// The cost model docs/records.md states, checked with the command that produced its figures.
if (hasJava()) {
  describe('newsflow query cost (the figures in docs/records.md)', () => {
    let writes: WriteCost[];
    let reads: ReadCost[];
    let deliveries: DeliveryCost;

    beforeAll(async () => {
      // Act
      const out = await newsflow([
        'query',
        'cost',
        '--json',
        join(__dirname, 'fixtures', 'summit-preview.html'),
        join(__dirname, 'fixtures', 'pyongyang-deadline.txt'),
      ]);
      expect({ status: out.status, stderr: out.status === 0 ? '' : out.stderr }).toEqual({
        status: 0,
        stderr: '',
      });
      ({ writes, reads, deliveries } = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}'));
    }, 300_000);

    it('charges each lookup item exactly one write unit in the table and none in an index', () => {
      // Assess
      expect(writes.map((w) => w.file)).toEqual(['summit-preview.html', 'pyongyang-deadline.txt']);
      for (const w of writes) {
        expect(w.lookupItems).toBeGreaterThan(10);
        expect(w.lookupUnits).toEqual({ table: w.lookupItems, index: 0 });
      }
    });

    it('charges the record a write unit per KB in the table and one in the index', () => {
      // Assess
      for (const w of writes) {
        expect(w.recordUnits.index).toBe(1);
        expect(w.recordUnits.table).toBeGreaterThanOrEqual(2);
      }
    });

    it('handles a redelivered notification without writing: a read unit per lookup item checked, no writes', () => {
      // Assess
      expect(deliveries.articles).toBe(2);
      expect(deliveries.first.writeRequests).toBeGreaterThanOrEqual(2 * 2);
      expect(deliveries.duplicate.writeRequests).toBe(0);
      expect(deliveries.duplicate.requests).toBeGreaterThan(0);
      // Reads only: the record, the article's partition and one strongly consistent read unit per lookup item
      // (checked, not rewritten), at a fifth of a write unit's price.
      const lookupItems = writes.reduce((n, w) => n + w.lookupItems, 0);
      expect(deliveries.duplicate.table + deliveries.duplicate.indexes).toBeLessThanOrEqual(
        lookupItems + 2 * 4 * deliveries.articles,
      );
    });

    it('reads a page of index hits for half a unit per 4 KB, and a record by its size', () => {
      // Prepare
      const day = reads.find((r) => r.query.startsWith('listPublished'));

      // Assess
      const lookups = reads.filter((r) => r.query.startsWith('findBy') && !r.query.endsWith('.records()'));
      expect(lookups.length).toBeGreaterThanOrEqual(3);
      expect(lookups.map((r) => [r.units, r.hits > 0])).toEqual(lookups.map(() => [0.5, true]));
      // Reading the records costs their size on top: more than the index page.
      expect(reads.find((r) => r.query.endsWith('.records()'))?.units).toBeGreaterThan(0.5);
      const [eventual, strong] = reads.filter((r) => r.query.startsWith('getArticle'));
      expect(strong?.units).toBe(2 * (eventual?.units ?? 0));
      expect({ requests: day?.requests, hits: day?.hits }).toEqual({ requests: 1, hits: 1 });
    });
  });
} else {
  describe('newsflow query cost (the figures in docs/records.md)', () => {
    it.todo('needs a Java runtime for DynamoDB Local: install a JRE (apt install default-jre-headless)');
  });
}
