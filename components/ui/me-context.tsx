"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { MeDto } from "@/lib/schemas/accounts";

const MeContext = createContext<MeDto | null>(null);

export function MeProvider({ me, children }: { me: MeDto; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user (the console layout guarantees one). */
export function useMe(): MeDto {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside the console layout");
  return me;
}

/** Whether the user's role on the cluster includes the permission (team prefixes are checked by the server). */
export function useCan(clusterId: string, permission: string): boolean {
  return useMe().permissions[clusterId]?.includes(permission) ?? false;
}
