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

/** Staff of the organisation, whatever their function: they create and work on content. */
export const INTERNAL_ROLES: Role[] = ['staff', 'reviewer', 'facilitator', 'km_officer', 'learning_officer', 'ikmu_admin'];

/** Everyone allowed to read reports: staff and the read-only reporting role, not external constituents. */
export const REPORT_READER_ROLES: Role[] = [...INTERNAL_ROLES, 'reporting'];

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
