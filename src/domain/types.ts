/** Types of a workshop session, inferred from the format's schemas so the two never drift. */
import type { z } from 'zod';
import type {
  actorSchema, laneSchema, linkSchema, noteSchema, participantSchema, relationSchema,
  sessionFileSchema, sessionSchema, stepSchema, trinomeMemberSchema,
} from './format/schema';

export type Session = z.infer<typeof sessionSchema>;
export type SessionFile = z.infer<typeof sessionFileSchema>;
export type Lane = z.infer<typeof laneSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Step = z.infer<typeof stepSchema>;
export type StepParticipant = z.infer<typeof participantSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Note = z.infer<typeof noteSchema>;
export type TrinomeMember = z.infer<typeof trinomeMemberSchema>;
export type Establishment = Session['establishment'];
export type Project = Session['project'];
export type Workshop = NonNullable<Session['workshop']>;
export type Timeline = Session['timeline'];

/** The header of a session: everything but its entity collections. */
export type SessionHeader = Omit<Session, 'lanes' | 'actors' | 'steps' | 'links' | 'relations' | 'notes'>;

export const ENTITY_KINDS = ['lanes', 'actors', 'steps', 'links', 'relations', 'notes'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type Viewpoints = NonNullable<Session['viewpoints']>;
export type Objective = Viewpoints['objectives'][number];
export type Maturity = NonNullable<Viewpoints['maturity']>;
export type InstitutionalEvent = NonNullable<Session['institutionalEvents']>[number];
export type Collective = NonNullable<Session['collective']>;
