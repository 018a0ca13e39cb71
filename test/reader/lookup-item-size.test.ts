import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  entityPk,
  MAX_LOOKUP_NAME_BYTES,
  MAX_LOOKUP_TITLE_BYTES,
  mentionPk,
  RECORD_SK,
  toTableItems,
} from '../../lambdas/adapters/article-table';
import { hasJava } from '../helpers/runtime';
import { record, useTable } from './seed';

// Write units are what DynamoDB Local reports for each put (the table's, and the index's: none, lookup items are not
// in it), so the bound is
// checked against the server's own accounting, not an estimate.
/** A name of exactly `bytes` UTF-8 bytes, partly two-byte characters. */
function nameOf(bytes: number): string {
  const twoByte = Math.floor(bytes / 4);
  return 'é'.repeat(twoByte) + 'x'.repeat(bytes - 2 * twoByte);
}

if (hasJava()) {
  describe('lookup items stay within one write unit (DynamoDB Local)', () => {
    const table = useTable('dynamodb-local');

    it('costs one write unit in the table and none in the index per lookup item, whatever the title and names', async () => {
      // Prepare
      const huge = record({
        key: 'raw/huge.txt',
        title: `${'Überschrift 😀 '.repeat(400)}end`,
        publishedAt: '2019-12-20T10:42:00.000+09:00',
        entities: [
          [nameOf(MAX_LOOKUP_NAME_BYTES), 'ORGANIZATION', 12_345],
          [nameOf(MAX_LOOKUP_NAME_BYTES + 1), 'ORGANIZATION'],
          ['X'.repeat(2000), 'MISC'],
          ['Kim Jong Un', 'PERSON'],
        ],
        dates: ['2019-12-20', '2019-W51', '2019-Q4'],
      });
      const lookups = toTableItems(huge).filter((i) => i.sk !== RECORD_SK);

      // Act
      const units = [];
      for (const item of lookups) {
        const out = await table().client.send(
          new PutCommand({ TableName: table().tableName, Item: item, ReturnConsumedCapacity: 'INDEXES' }),
        );
        units.push([
          out.ConsumedCapacity?.Table?.CapacityUnits,
          out.ConsumedCapacity?.GlobalSecondaryIndexes?.lookup?.CapacityUnits,
        ]);
      }

      // Assess
      expect(lookups.map((i) => i.pk)).toEqual([
        entityPk(nameOf(MAX_LOOKUP_NAME_BYTES)),
        entityPk('Kim Jong Un'),
        mentionPk('2019'),
        mentionPk('2019-12'),
      ]);
      expect(lookups[2]).toMatchObject({ mentioned: ['2019-Q4', '2019-W51'] });
      expect(lookups[3]).toMatchObject({ mentioned: ['2019-12-20'] });
      expect(units).toEqual(lookups.map(() => [1, undefined]));
    });

    it.each([
      ['ASCII', 'A'.repeat(300)],
      ['two-byte', 'é'.repeat(200)],
      ['astral', '😀'.repeat(100)],
      ['short', 'A short title'],
    ])('cuts %s titles in lookup items to whole characters within the byte budget', (_name, title) => {
      // Act
      const [, lookup] = toTableItems(record({ key: 'raw/t.txt', title, entities: [['Seoul', 'LOCATION']] }));
      const cut = String(lookup?.title);

      // Assess
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(MAX_LOOKUP_TITLE_BYTES);
      expect(Array.from(cut).every((ch) => !/^[\uD800-\uDFFF]$/.test(ch))).toBe(true);
      if (Buffer.byteLength(title) <= MAX_LOOKUP_TITLE_BYTES) expect(cut).toBe(title);
      else expect(title.startsWith(cut.slice(0, -1)) && cut.endsWith('…')).toBe(true);
    });
  });
} else {
  describe('lookup items stay within one write unit (DynamoDB Local)', () => {
    it.todo('needs a Java runtime for DynamoDB Local: install a JRE (apt install default-jre-headless)');
  });
}
