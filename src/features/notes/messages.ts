/** The notes' checks, in the words shown to the room. */
import { noteTextIssue } from '../../domain/commands/notes';
import { NOTE_TEXT_PROBLEM_MESSAGES } from '../../i18n/messages';

/** What is wrong with a note's text, in French, or null when it is fine. */
export function noteTextProblem(text: string): string | null {
  const problem = noteTextIssue(text);
  return problem && NOTE_TEXT_PROBLEM_MESSAGES[problem];
}
