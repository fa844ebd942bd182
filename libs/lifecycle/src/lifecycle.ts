/**
 * For each status, the statuses it may move to and the capacities in which someone may make the move.
 * A full `Record` of the status type: a status added without its row does not compile.
 */
export type TransitionTable<Status extends string, Capacity extends string> = Readonly<
  Record<Status, Readonly<Partial<Record<Status, readonly Capacity[]>>>>
>;

/**
 * Who acts in which capacity on a subject (an idea, an asset under review, an enrolment). A relation
 * listed in `relations` decides alone: someone with a stake in the subject acts only in the capacities
 * that stake gives, whatever their roles (nobody judges what they are part of). Everyone else acts in
 * the capacities their roles give.
 */
export interface CapacityRules<Capacity extends string, Relation extends string, Role extends string> {
  relations: Readonly<Partial<Record<Relation, readonly Capacity[]>>>;
  roles: Readonly<Partial<Record<Role, Capacity>>>;
}

/** A move refused, with what the caller needs to choose another: every move from here, and theirs. */
export type MoveRefusal<Status extends string, Capacity extends string> =
  | { reason: 'invalid'; from: Status; to: Status; allowed: Status[]; yours: Status[] }
  | { reason: 'forbidden'; from: Status; to: Status; who: readonly Capacity[]; yours: Status[] };

function actsAs<Capacity extends string>(who: readonly Capacity[], capacities: readonly Capacity[]): boolean {
  return who.some((capacity) => capacities.includes(capacity));
}

/** The lifecycle of one kind of subject: its transition table and who acts in which capacity. */
export class Lifecycle<Status extends string, Capacity extends string, Relation extends string, Role extends string = string> {
  constructor(
    readonly transitions: TransitionTable<Status, Capacity>,
    private readonly rules: CapacityRules<Capacity, Relation, Role>,
  ) {}

  /** Every status `from` may move to, whoever asks. */
  targetsFrom(from: Status): Status[] {
    return Object.keys(this.transitions[from]) as Status[];
  }

  capacitiesOf(roles: readonly Role[], relation: Relation): Capacity[] {
    const byRelation = this.rules.relations[relation];
    if (byRelation) return [...byRelation];
    const byRole = Object.entries(this.rules.roles) as Array<[Role, Capacity]>;
    return byRole.filter(([role]) => roles.includes(role)).map(([, capacity]) => capacity);
  }

  /** The moves someone in these capacities could make now (what a front end shows as buttons). */
  movesFor(from: Status, capacities: readonly Capacity[]): Status[] {
    return this.targetsFrom(from).filter((to) => actsAs(this.transitions[from][to]!, capacities));
  }

  /** Why someone in these capacities may not move `from` to `to`; undefined when they may. */
  refusalOf(from: Status, to: Status, capacities: readonly Capacity[]): MoveRefusal<Status, Capacity> | undefined {
    const who = this.transitions[from][to];
    if (!who) return { reason: 'invalid', from, to, allowed: this.targetsFrom(from), yours: this.movesFor(from, capacities) };
    if (actsAs(who, capacities)) return undefined;
    return { reason: 'forbidden', from, to, who, yours: this.movesFor(from, capacities) };
  }
}

/**
 * The members a refused move adds to its problem document, the same in every service: a 409 for a move
 * the lifecycle does not have lists the moves from the current status, a 403 for a move that is not the
 * caller's lists who may make it; both list the caller's own moves.
 */
export function refusalExtensions(refusal: MoveRefusal<string, string>): Record<string, unknown> {
  if (refusal.reason === 'invalid') {
    return { currentStatus: refusal.from, requestedStatus: refusal.to, allowedTransitions: refusal.allowed, allowedForYou: refusal.yours };
  }
  return { currentStatus: refusal.from, requestedStatus: refusal.to, allowedFor: refusal.who, allowedForYou: refusal.yours };
}
