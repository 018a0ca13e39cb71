import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseChaos } from '../local/chaos';
import type { DynamoDbEngine } from '../local/dynamodb-server';
import { runSoak, soakPassed } from '../local/soak';

/**
 * `npm run soak -- --articles N [--chaos duplicate=0.1,reorder=0.1,fail=0.05] [--dynamodb dynalite|dynamodb-local]`
 * Uploads N articles (from ../shared/data when present, generated otherwise) through a fresh embedded runtime
 * with chaos on, overwrites and deletes 10% of them, and ends with one JSON line. Exits 1 if anything is lost,
 * duplicated, orphaned or dead-lettered.
 */
async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      chaos: { type: 'string', default: 'duplicate=0.1,reorder=0.1,fail=0.05' },
      dynamodb: { type: 'string', default: 'dynalite' },
      generated: { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles);
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a positive integer');
  const corpus = values.generated ? [] : loadCorpus(join(__dirname, '..', '..', 'shared', 'data'));
  process.stderr.write(
    `soak: ${articles} articles, ${corpus.length ? `${corpus.length} corpus texts` : 'generated texts'}, chaos ${values.chaos}\n`,
  );
  const report = await runSoak({
    articles,
    corpus,
    chaos: parseChaos(values.chaos),
    // Short visibility: messages that failed under chaos come back in seconds, not minutes.
    runtime: { dynamodb: values.dynamodb as DynamoDbEngine, logLevel: 'SILENT', visibilityTimeoutMs: 15_000 },
    onProgress: (m) => process.stderr.write(`soak: ${m}\n`),
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return soakPassed(report) ? 0 : 1;
}

/** News texts from ../shared/data: the seed article, TimeML documents and CoNLL documents. */
function loadCorpus(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const texts: string[] = [];
  const articles = join(dir, 'articles');
  if (existsSync(articles))
    for (const f of readdirSync(articles)) texts.push(readFileSync(join(articles, f), 'utf8'));
  const timeml = join(dir, 'timeml-dev');
  if (existsSync(timeml)) {
    for (const f of readdirSync(timeml).filter((n) => n.endsWith('.tml'))) {
      const xml = readFileSync(join(timeml, f), 'utf8');
      const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
      texts.push(text.replace(/<[^>]+>/g, '').trim());
    }
  }
  const conll = join(dir, 'conll2003', 'eng.train');
  if (existsSync(conll)) {
    for (const doc of readFileSync(conll, 'utf8').split(/^-DOCSTART-.*$/m)) {
      const sentences = doc
        .split(/\n\s*\n/)
        .map((s) =>
          s
            .split('\n')
            .map((l) => l.split(' ')[0])
            .filter(Boolean)
            .join(' '),
        )
        .filter(Boolean);
      if (sentences.length > 0) texts.push(sentences.join('\n\n'));
    }
  }
  return texts.filter((t) => t.trim().length > 0);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
