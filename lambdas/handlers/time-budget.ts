import type { Context } from 'aws-lambda';
import { TimeBudgetExceededError } from './errors';

/**
 * What is left of an invocation's time. A batch's messages run side by side, so a message is checked both when it
 * starts and right before its CPU-heavy work (cleaning, tagging): work queued behind other messages' tagging may
 * find the time gone by then.
 */
export interface TimeBudget {
  /** @throws TimeBudgetExceededError when too little time is left to start more work. */
  check(): void;
}

/** A budget that never runs out: direct calls, as from tests. */
export const UNLIMITED_BUDGET: TimeBudget = { check: () => undefined };

/** The budget of one invocation: spent once less than `reserveMs` remains. */
export function invocationBudget(
  context: Pick<Context, 'getRemainingTimeInMillis'>,
  reserveMs: number,
): TimeBudget {
  return {
    check: () => {
      if (context.getRemainingTimeInMillis() < reserveMs) {
        throw new TimeBudgetExceededError(`Less than ${reserveMs} ms left; message returned to the queue`);
      }
    },
  };
}
