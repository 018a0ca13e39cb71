import { deployedPipelineFromOutputs } from '../../bin/cli/deployed-pipeline';
import { CliError } from '../../bin/cli/errors';

describe('deployedPipelineFromOutputs', () => {
  const complete = [
    { OutputKey: 'RawBucketName', OutputValue: 'raw-bucket' },
    { OutputKey: 'RawPrefix', OutputValue: 'raw/' },
    { OutputKey: 'ProcessedBucketName', OutputValue: 'processed-bucket' },
    { OutputKey: 'TableName', OutputValue: 'articles' },
    { OutputKey: 'CleanQueueUrl', OutputValue: 'queue-url/clean' },
    { OutputKey: 'CleanDeadLetterQueueUrl', OutputValue: 'queue-url/clean-dlq' },
    { OutputKey: 'TagQueueUrl', OutputValue: 'queue-url/tag' },
    { OutputKey: 'TagDeadLetterQueueUrl', OutputValue: 'queue-url/tag-dlq' },
    { OutputKey: 'DashboardName', OutputValue: 'ignored' },
  ];

  it('finds the buckets, the table and the four queues', () => {
    // Act
    const pipeline = deployedPipelineFromOutputs('Newsflow', complete);

    // Assess
    expect(pipeline).toEqual({
      stackName: 'Newsflow',
      rawBucket: 'raw-bucket',
      rawPrefix: 'raw/',
      processedBucket: 'processed-bucket',
      table: 'articles',
      queueUrls: {
        clean: 'queue-url/clean',
        cleanDlq: 'queue-url/clean-dlq',
        tag: 'queue-url/tag',
        tagDlq: 'queue-url/tag-dlq',
      },
    });
  });

  it.each([
    ['TableName', ['TableName']],
    ['TagDeadLetterQueueUrl', ['TagDeadLetterQueueUrl']],
    ['RawBucketName, TableName', ['TableName', 'RawBucketName']],
  ])('names the missing output %s', (missing, dropped) => {
    // Prepare
    const outputs = complete.filter((o) => !dropped.includes(o.OutputKey));

    // Act
    const find = () => deployedPipelineFromOutputs('Other', outputs);

    // Assess
    expect(find).toThrow(CliError);
    expect(find).toThrow(`Stack Other has no output ${missing}`);
  });
});
