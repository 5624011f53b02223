/** Roles per cluster, weakest first: each includes what the ones before it allow. */
export const ROLES = ["viewer", "operator", "approver", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "reads everything on the cluster; can request topics for their teams",
  operator: "manages topics, consumer groups, messages and schemas within their teams' prefixes",
  approver: "operator, plus approves or rejects their teams' topic requests",
  admin: "everything on the cluster, including policies; on all clusters (*) also users, teams and roles",
};
