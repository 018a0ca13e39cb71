import { pipelineSuite } from './pipeline-suite';

pipelineSuite('dynalite');
