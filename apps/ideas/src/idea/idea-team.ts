import { Membership, type Bar, type Member } from '#ikm/membership';

export type TeamRole = 'author' | 'coauthor';

/** One entry of an idea's team, as the `team` column and the API hold it. */
export type TeamMember = Member<TeamRole>;

/**
 * An idea's team: its author founds it and stays on it; any member invites a colleague, who becomes a
 * co-author by accepting. Nobody joins other than by invitation.
 */
export const IDEA_TEAM = new Membership<TeamRole>({ inviters: ['author', 'coauthor'], managers: ['author'], owners: ['author'], joining: 'invitation' });

/** Why someone is kept off a team though the team would have them. */
export type TeamBar = 'reviewer';

/** Nobody assigned to review the idea joins its team, whichever came first. */
export function reviewersBarred(reviewers: readonly string[]): Bar<TeamBar> {
  return (userId) => (reviewers.includes(userId) ? 'reviewer' : undefined);
}
