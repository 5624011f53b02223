import "server-only";

/** Every permission a route can ask for. Writes are refused on read-only clusters whatever the role. */
export const PERMISSIONS = {
  "clusters:read": { write: false },
  "topics:read": { write: false },
  "topics:create": { write: true },
  "topics:alter": { write: true },
  "topics:delete": { write: true },
  "messages:read": { write: false },
  "messages:produce": { write: true },
  "groups:read": { write: false },
  "groups:alter": { write: true },
  "schemas:read": { write: false },
  "schemas:write": { write: true },
  "audit:read": { write: false },
} as const;

export type Permission = keyof typeof PERMISSIONS;

export type Role = "viewer" | "operator" | "approver" | "admin";

export type Actor = { id: string; name: string; role: Role };

const ROLE_ALLOWS: Record<Role, (p: Permission) => boolean> = {
  viewer: (p) => !PERMISSIONS[p].write,
  operator: (p) => p !== "audit:read",
  approver: (p) => p !== "audit:read",
  admin: () => true,
};

export function can(actor: Actor, permission: Permission): boolean {
  return ROLE_ALLOWS[actor.role](permission);
}
