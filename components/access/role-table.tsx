import type { ReactNode } from "react";
import { Select } from "@/components/ui/select";
import { ROLES, type Role } from "@/lib/auth/roles";

/** Roles after choosing `role` on `clusterId` ("" removes the cluster's entry). */
export function withRole(roles: Record<string, Role>, clusterId: string, role: string): Record<string, Role> {
  const next = { ...roles };
  if (role) next[clusterId] = role as Role;
  else delete next[clusterId];
  return next;
}

/** One role select per cluster, the first row being the default for all clusters. */
export function RoleTable({
  clusters,
  roles,
  onChange,
  labelPrefix,
  testIdPrefix,
}: {
  clusters: { id: string; name: string }[];
  roles: Record<string, Role>;
  onChange: (roles: Record<string, Role>) => void;
  /** e.g. "Role on" → aria-label "Role on <cluster>". */
  labelPrefix: string;
  /** e.g. "user-role" → data-testid "user-role-<cluster id>". */
  testIdPrefix: string;
}) {
  return (
    <table className="w-full text-sm">
      <tbody>
        {[{ id: "*", name: "All clusters (default)" }, ...clusters].map((c) => (
          <tr key={c.id} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1.5 pr-3">{c.name}</td>
            <td className="py-1.5">
              <Select
                aria-label={`${labelPrefix} ${c.name}`}
                value={roles[c.id] ?? ""}
                onChange={(e) => onChange(withRole(roles, c.id, e.target.value))}
                data-testid={`${testIdPrefix}-${c.id}`}
              >
                <option value="">{c.id === "*" ? "no access" : "as for all clusters"}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Whose roles a RolesField sets: the labels and test ids of its selects. */
const HOLDERS = {
  user: { labelPrefix: "Role on", testIdPrefix: "user-role" },
  token: { labelPrefix: "Token role on", testIdPrefix: "token-role" },
} as const;

/** The "Roles" part of a user's or token's form: the role table, then what the form adds under it. */
export function RolesField<F extends { roles: Record<string, Role> }>({
  of,
  clusters,
  form,
  setForm,
  children,
}: {
  of: keyof typeof HOLDERS;
  clusters: { id: string; name: string }[];
  form: F;
  setForm: (form: F) => void;
  children?: ReactNode;
}) {
  return (
    <div className="mt-4">
      <p className="mb-2 text-sm font-medium">Roles</p>
      <RoleTable
        clusters={clusters}
        roles={form.roles}
        onChange={(roles) => setForm({ ...form, roles })}
        {...HOLDERS[of]}
      />
      {children}
    </div>
  );
}
