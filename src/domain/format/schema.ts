/**
 * Zod schemas of the session file, version 2: the same constraints as
 * docs/format/session.schema.v2.json (strict objects, lengths, patterns, enums, bounds).
 * Everything version 2 added is optional: a version 1 session is a version 2 session.
 */
import { z } from 'zod';
import {
  ACTOR_CATEGORIES, ANSWERS, ASPECTS, AUTHOR_ROLES, CHANNELS, DOCUMENT_KINDS, ESTABLISHMENT_KINDS, FORMALITIES,
  GAP_RULES, GAP_STATUSES, INSTITUTIONAL_EVENT_KINDS, MARKERS, MATURITY_DOMAINS, MATURITY_RATINGS, NON_USAGE_REASONS, NOTE_KINDS, NOTE_MAPS, PARTICIPATIONS, PROJECT_STATUSES,
  RELATION_KINDS, STEP_KINDS, TIMELINE_SCALES, TRINOME_ROLES, USAGES,
} from '../enums';

// No `new Function` in zod: the app's Content-Security-Policy forbids eval.
z.config({ jitless: true });

export const FORMAT_NAME = 'cartographies-acia';
export const FORMAT_VERSION = 2;

/** JSON Schema counts lengths in code points, not UTF-16 units. */
const codePoints = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const text = (max: number, min = 0) =>
  z.string().check(
    z.refine((s) => codePoints(s) <= max, { message: `max:${max}`, abort: true }),
    z.refine((s) => codePoints(s) >= min, { message: `min:${min}`, abort: true }),
  );

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'id' });
const shortText = text(200);
const longText = text(5000);
const dateTime = z.iso.datetime({ offset: true, message: 'datetime' }).max(40);
export const partialDateSchema = z
  .string()
  .regex(/^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/, { message: 'partialDate' });
const coord = z.number().min(-1000000).max(1000000);
const point = z.strictObject({ x: coord, y: coord });

export const laneSchema = z.strictObject({
  id: idSchema,
  label: text(200, 1),
  actorId: idSchema.optional(),
});

export const actorSchema = z.strictObject({
  id: idSchema,
  name: text(200, 1),
  category: z.enum(ACTOR_CATEGORIES),
  description: longText.optional(),
  position: point.optional(),
  usage: z.enum(USAGES).optional(),
  nonUsage: z.enum(NON_USAGE_REASONS).optional(),
  usageNote: text(1000).optional(),
});

export const participantSchema = z.strictObject({
  actorId: idSchema,
  role: z.enum(PARTICIPATIONS),
});

export const documentSchema = z.strictObject({
  title: text(200, 1),
  kind: z.enum(DOCUMENT_KINDS),
});

export const stepSchema = z.strictObject({
  id: idSchema,
  title: text(200, 1),
  description: longText.optional(),
  date: partialDateSchema.optional(),
  endDate: partialDateSchema.optional(),
  dateLabel: text(60).optional(),
  laneId: idSchema,
  kind: z.enum(STEP_KINDS),
  markers: z
    .array(z.enum(MARKERS))
    .max(MARKERS.length)
    .refine((m) => new Set(m).size === m.length, { message: 'uniqueItems' }),
  participants: z.array(participantSchema).max(200),
  position: point.optional(),
  /** What was planned; `date` is what happened. The slippage is computed, never stored. */
  planned: partialDateSchema.optional(),
  documents: z.array(documentSchema).max(50).optional(),
});

export const linkSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  label: shortText.optional(),
});

export const relationSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  kind: z.enum(RELATION_KINDS),
  label: shortText.optional(),
  channel: z.enum(CHANNELS).optional(),
  formality: z.enum(FORMALITIES).optional(),
  /** Feedback relations (`remonte`) only. */
  answer: z.enum(ANSWERS).optional(),
});

export const noteSchema = z.strictObject({
  id: idSchema,
  text: text(5000, 1),
  authorRole: z.enum(AUTHOR_ROLES),
  kind: z.enum(NOTE_KINDS),
  map: z.enum(NOTE_MAPS),
  attachedTo: z.strictObject({ type: z.enum(['step', 'actor']), id: idSchema }).optional(),
  position: point.optional(),
  aspects: z
    .array(z.enum(ASPECTS))
    .max(ASPECTS.length)
    .refine((a) => new Set(a).size === a.length, { message: 'uniqueItems' })
    .optional(),
});

export const gapReviewSchema = z.strictObject({
  rule: z.enum(GAP_RULES),
  status: z.enum(GAP_STATUSES),
  reason: text(1000).optional(),
  /** The step a planned hole became. */
  stepId: idSchema.optional(),
});

export const trinomeMemberSchema = z.strictObject({
  role: z.enum(TRINOME_ROLES),
  name: shortText.optional(),
  position: shortText.optional(),
});

/** An objective of the project as one role of the trinôme sees it (optionally, what an actor was after). */
export const objectiveSchema = z.strictObject({
  id: idSchema,
  role: z.enum(TRINOME_ROLES),
  text: text(500, 1),
  actorId: idSchema.optional(),
});

export const maturityRatingSchema = z.literal(MATURITY_RATINGS);
/** One domain's ratings, by role; a role that has not rated it yet is absent. */
const domainRatingsSchema = z.strictObject(
  Object.fromEntries(TRINOME_ROLES.map((r) => [r, maturityRatingSchema.optional()])) as Record<
    (typeof TRINOME_ROLES)[number],
    z.ZodOptional<typeof maturityRatingSchema>
  >,
);

/** The three viewpoints (Regards): objectives by role, the matches between them, the maturity grid. */
export const viewpointsSchema = z.strictObject({
  objectives: z.array(objectiveSchema).max(300),
  /** Pairs of objectives of two different roles that say the same thing. */
  matches: z.array(z.tuple([idSchema, idSchema])).max(1000).optional(),
  maturity: z
    .strictObject(
      Object.fromEntries(MATURITY_DOMAINS.map((d) => [d, domainRatingsSchema.optional()])) as Record<
        (typeof MATURITY_DOMAINS)[number],
        z.ZodOptional<typeof domainRatingsSchema>
      >,
    )
    .optional(),
  /** Whether the ratings were revealed; before, each role sees only its own on screen. */
  revealed: z.boolean().optional(),
});

/** An event of the establishment's institutional life, drawn in its own lane of the stack of temporalities. */
export const institutionalEventSchema = z.strictObject({
  id: idSchema,
  date: partialDateSchema,
  title: text(200, 1),
  kind: z.enum(INSTITUTIONAL_EVENT_KINDS),
});

/** The action collective (ACIA) a session belongs to: sessions of one action are listed and compared together. */
export const collectiveSchema = z.strictObject({
  name: text(200, 1),
  aract: shortText.optional(),
  start: partialDateSchema.optional(),
  end: partialDateSchema.optional(),
});

export const sessionSchema = z.strictObject({
  id: idSchema,
  title: text(200, 1),
  createdAt: dateTime,
  updatedAt: dateTime,
  establishment: z.strictObject({
    name: shortText,
    kind: z.enum(ESTABLISHMENT_KINDS).optional(),
    region: shortText.optional(),
  }),
  project: z.strictObject({
    name: shortText,
    status: z.enum(PROJECT_STATUSES).optional(),
    summary: longText.optional(),
  }),
  workshop: z
    .strictObject({
      date: partialDateSchema.optional(),
      facilitator: shortText.optional(),
      place: shortText.optional(),
    })
    .optional(),
  trinome: z.array(trinomeMemberSchema).max(12),
  timeline: z.strictObject({
    start: partialDateSchema.optional(),
    end: partialDateSchema.optional(),
    scale: z.enum(TIMELINE_SCALES),
  }),
  lanes: z.array(laneSchema).max(100),
  actors: z.array(actorSchema).max(2000),
  steps: z.array(stepSchema).max(2000),
  links: z.array(linkSchema).max(5000),
  relations: z.array(relationSchema).max(5000),
  notes: z.array(noteSchema).max(2000),
  gaps: z.array(gapReviewSchema).max(GAP_RULES.length * 20).optional(),
  viewpoints: viewpointsSchema.optional(),
  collective: collectiveSchema.optional(),
  institutionalEvents: z.array(institutionalEventSchema).max(500).optional(),
});

export const sessionFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  exportedAt: dateTime,
  app: text(100).optional(),
  session: sessionSchema,
});
