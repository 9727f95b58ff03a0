/** The sessions' checks, in the words shown to the room. */
import { titleIssue } from '../../domain/session';
import { TITLE_PROBLEM_MESSAGES } from '../../i18n/messages';

/** What is wrong with a session title, in French, or null when it is fine. */
export function titleProblem(title: string): string | null {
  const problem = titleIssue(title);
  return problem && TITLE_PROBLEM_MESSAGES[problem];
}
