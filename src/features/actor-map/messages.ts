/** The actor map's checks, in the words shown to the room. */
import { actorNameIssue } from '../../domain/commands/actors';
import { ACTOR_NAME_PROBLEM_MESSAGES } from '../../i18n/messages';

export { RELATION_PROBLEM_MESSAGES } from '../../i18n/messages';

/** What is wrong with an actor's name, in French, or null when it is fine. */
export function actorNameProblem(name: string): string | null {
  const problem = actorNameIssue(name);
  return problem && ACTOR_NAME_PROBLEM_MESSAGES[problem];
}
