/** Staff roles within one organisation. A user may hold several. */
export const roles = ['admin', 'coordinator', 'lawyer', 'operator', 'volunteer'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
