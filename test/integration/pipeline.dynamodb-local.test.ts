import { hasJava } from '../helpers/runtime';
import { pipelineSuite } from './pipeline-suite';

// The official DynamoDB Local is the fidelity check (CI has Java). Without Java the suite cannot run at all,
// which is said loudly rather than passed silently.
if (hasJava()) {
  pipelineSuite('dynamodb-local');
} else {
  describe('pipeline end to end (dynamodb-local)', () => {
    it.todo('needs a Java runtime for DynamoDB Local: install a JRE (apt install default-jre-headless)');
  });
}
