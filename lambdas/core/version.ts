/** Version of the pipeline's code and record format; stored in every record as `pipelineVersion`. */
export const PIPELINE_VERSION = '0.1.0';
