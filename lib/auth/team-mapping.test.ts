import { describe, expect, it } from "vitest";
import { teamMembershipChanges } from "./team-mapping";

const teams = [
  { id: "t-pay", oidcGroup: "kafka-payments" },
  { id: "t-ship", oidcGroup: "kafka-shipping" },
];

describe("teamMembershipChanges", () => {
  it("joins the teams mapped from the token's groups and leaves mapped teams whose group is gone", () => {
    expect(teamMembershipChanges(["kafka-payments", "unrelated"], teams, ["t-ship", "t-local"])).toEqual({
      join: ["t-pay"],
      leave: ["t-ship"],
    });
  });
  it("leaves nothing to do when memberships already match, and never touches teams without a group", () => {
    expect(teamMembershipChanges(["kafka-payments"], teams, ["t-pay", "t-local"])).toEqual({ join: [], leave: [] });
  });
});
