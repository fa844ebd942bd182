/** Roles of the organisation's identity provider (see shared/PRODUCT.md, Identity and access). */
export const ROLES = [
  'staff',
  'reviewer',
  'facilitator',
  'km_officer',
  'learning_officer',
  'ikmu_admin',
  'constituent',
  'reporting',
] as const;
export type Role = (typeof ROLES)[number];

/** The caller, as the verified bearer token describes them. */
export interface AuthenticatedUser {
  sub: string;
  name?: string;
  email?: string;
  roles: Role[];
  unit?: string;
  dutyStation?: string;
  region?: string;
}
