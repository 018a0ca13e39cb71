import { generatedArticle } from '../../local/soak';
import { newsflow } from '../helpers/cli';
import { wordTaggers } from '../helpers/fixtures';
import { startTestPipeline, type TestPipeline } from '../helpers/runtime';

describe('newsflow redrive and reprocess against the running local runtime', () => {
  let p: TestPipeline;

  beforeAll(async () => {
    p = await startTestPipeline('dynalite', { taggers: wordTaggers({ Merkel: 'PERSON' }) });
    p.runtime.writeStateFile();
  });
  afterAll(() => p?.stop());

  it('moves dead-lettered messages back to their queue', async () => {
    // Prepare: a message the tag stage can never handle, dead-lettered after its receives.
    p.runtime.tagQueue.send('{"not":"an S3 notification"}');
    await waitFor(() => p.runtime.tagDlq.depth === 1);
    p.runtime.pauseDelivery();

    // Act
    const { stdout, status } = await newsflow(['redrive', '--stage', 'tag', '--data-dir', p.runtime.dataDir]);

    // Assess
    expect(status).toBe(0);
    expect(stdout).toContain('tag: moved 1 message back');
    expect(p.runtime.tagDlq.depth).toBe(0);
    expect(p.runtime.tagQueue.depth).toBe(1);
    p.runtime.tagQueue.drain();
    p.runtime.resumeDelivery();
  });

  it('queues a re-tag of every stored article under the prefix', async () => {
    // Prepare
    await p.upload('raw/keep/a.txt', generatedArticle(1, 1));
    await p.upload('raw/keep/b.txt', generatedArticle(2, 1));
    await p.upload('raw/other/c.txt', generatedArticle(3, 1));
    await p.runtime.waitForIdle();
    const before = p.invocations.filter((i) => i.functionName === 'newsflow-tag').length;

    // Act
    const { stdout, status } = await newsflow([
      'reprocess',
      '--prefix',
      'raw/keep/',
      '--data-dir',
      p.runtime.dataDir,
    ]);
    await p.runtime.waitForIdle();

    // Assess
    expect(status).toBe(0);
    expect(stdout).toContain('queued 2 articles for re-tagging');
    const tagDeliveries = p.invocations
      .filter((i) => i.functionName === 'newsflow-tag')
      .slice(before)
      .reduce((n, i) => n + i.received, 0);
    expect(tagDeliveries).toBe(2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
