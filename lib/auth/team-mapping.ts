/** Which IdP-mapped teams a user joins and leaves, given the groups in their ID token. */
export function teamMembershipChanges(
  groups: string[],
  mappedTeams: { id: string; oidcGroup: string }[],
  memberOf: string[],
) {
  const inGroups = new Set(groups);
  const member = new Set(memberOf);
  const join = mappedTeams.filter((t) => inGroups.has(t.oidcGroup) && !member.has(t.id)).map((t) => t.id);
  const leave = mappedTeams.filter((t) => !inGroups.has(t.oidcGroup) && member.has(t.id)).map((t) => t.id);
  return { join, leave };
}
