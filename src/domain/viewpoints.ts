/**
 * Facts of the three viewpoints (Regards): objectives shared between roles and those only one role
 * holds; the domains of the maturity grid where two roles are 2 points apart or more.
 */
import { MATURITY_DOMAINS, TRINOME_ROLES, type MaturityDomain, type MaturityRating, type TrinomeRole } from './enums';
import type { Maturity, Objective, Viewpoints } from './types';

export interface ObjectiveFacts {
  /** Groups of matching objectives (linked directly or through others), each spanning two roles or more. */
  shared: { objectives: Objective[]; roles: TrinomeRole[] }[];
  /** Objectives matched with no other. */
  single: Objective[];
}

export function objectiveFacts(vp: Viewpoints | undefined): ObjectiveFacts {
  const objectives = vp?.objectives ?? [];
  const parent = new Map<string, string>(objectives.map((o) => [o.id, o.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of vp?.matches ?? []) {
    if (!parent.has(a) || !parent.has(b)) continue;
    parent.set(find(a), find(b));
  }
  const groups = new Map<string, Objective[]>();
  for (const o of objectives) {
    const root = find(o.id);
    groups.set(root, [...(groups.get(root) ?? []), o]);
  }
  const shared: ObjectiveFacts['shared'] = [];
  const single: Objective[] = [];
  for (const group of groups.values()) {
    const roles = TRINOME_ROLES.filter((r) => group.some((o) => o.role === r));
    if (roles.length >= 2) shared.push({ objectives: group, roles });
    else single.push(...group);
  }
  return { shared, single };
}

/** The objectives matched with this one, directly. */
export function matchesOf(vp: Viewpoints | undefined, id: string): string[] {
  return (vp?.matches ?? []).flatMap(([a, b]) => (a === id ? [b] : b === id ? [a] : []));
}

export type DomainRatings = Partial<Record<TrinomeRole, MaturityRating>>;

export interface Divergence {
  domain: MaturityDomain;
  ratings: DomainRatings;
  /** The highest rating minus the lowest, among the roles that gave a number (not `nsp`). */
  spread: number;
}

/** A divergence: two roles' numeric ratings of a domain 2 or more apart. "Ne sait pas" is no number. */
export const DIVERGENCE_SPREAD = 2;

export function spreadOf(ratings: DomainRatings): number {
  const values = TRINOME_ROLES.map((r) => ratings[r]).filter((v): v is 0 | 1 | 2 | 3 => typeof v === 'number');
  return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
}

export function divergences(maturity: Maturity | undefined): Divergence[] {
  return MATURITY_DOMAINS.flatMap((domain) => {
    const ratings = maturity?.[domain] ?? {};
    const spread = spreadOf(ratings);
    return spread >= DIVERGENCE_SPREAD ? [{ domain, ratings, spread }] : [];
  });
}

/** How many domains each role has rated (`nsp` counts: it is an answer). */
export function ratedCount(maturity: Maturity | undefined, role: TrinomeRole): number {
  return MATURITY_DOMAINS.filter((d) => maturity?.[d]?.[role] !== undefined).length;
}

/** One establishment's level on a domain: the mean of its roles' numeric ratings (`nsp` is no number). */
export function domainLevel(ratings: DomainRatings | undefined): number | undefined {
  const values = TRINOME_ROLES.map((r) => ratings?.[r]).filter((v): v is 0 | 1 | 2 | 3 => typeof v === 'number');
  return values.length === 0 ? undefined : values.reduce<number>((a, b) => a + b, 0) / values.length;
}

export interface DomainSpread {
  domain: MaturityDomain;
  /** Each establishment's level, in the order given; undefined when not rated or not revealed. */
  levels: (number | undefined)[];
  /** Lowest and highest level, with the establishments (their indexes) at each end; absent when none rated. */
  min?: { level: number; at: number[] };
  max?: { level: number; at: number[] };
}

/**
 * Per domain, how far apart establishments are. A grid not revealed counts as unknown: its ratings
 * stay secret until the room sees them, in a comparison as on its own screen.
 */
export function maturitySpread(viewpoints: readonly (Viewpoints | undefined)[]): DomainSpread[] {
  return MATURITY_DOMAINS.map((domain) => {
    const levels = viewpoints.map((vp) => (vp?.revealed ? domainLevel(vp.maturity?.[domain]) : undefined));
    const known = levels.filter((l): l is number => l !== undefined);
    if (known.length === 0) return { domain, levels };
    const end = (level: number) => ({ level, at: levels.flatMap((l, i) => (l === level ? [i] : [])) });
    return { domain, levels, min: end(Math.min(...known)), max: end(Math.max(...known)) };
  });
}
