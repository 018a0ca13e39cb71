/** Base class of the CDK constructs' errors: the pipeline cannot be built as configured (thrown at synth). */
export class PipelineConstructError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PipelineConstructError';
  }
}

/** Props that contradict each other or would deploy an insecure or broken pipeline. */
export class InvalidPipelinePropsError extends PipelineConstructError {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidPipelinePropsError';
  }
}
