/** The step editor's checks, in the words shown to the room. */
import { stepDraftProblems, type StepDraft, type StepDraftErrors, type StepDraftField, type StepDraftProblem } from '../../domain/commands/stepInput';
import { stepDraftMessage } from '../../i18n/messages';

/** One French message per refused field of the step editor; empty when the draft is fine. */
export function validateStepDraft(draft: StepDraft, laneIds: readonly string[]): StepDraftErrors {
  const errors: StepDraftErrors = {};
  for (const [field, problem] of Object.entries(stepDraftProblems(draft, laneIds)) as [StepDraftField, StepDraftProblem][]) {
    errors[field] = stepDraftMessage(field, problem);
  }
  return errors;
}
