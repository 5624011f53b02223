"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { MeDto } from "@/lib/schemas/accounts";
import { paths } from "@/lib/paths";

/** Who is signed in (name, email, teams) and the sign-out button. */
export function UserMenu({ me }: { me: MeDto }) {
  const [leaving, setLeaving] = useState(false);
  const signOut = async () => {
    setLeaving(true);
    await fetch(paths.api.session(), { method: "DELETE" }).catch(() => {});
    window.location.assign(paths.login());
  };
  return (
    <div className="flex items-center gap-2" data-testid="user-menu">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" data-testid="user-name">
          {me.name}
        </p>
        <p className="truncate text-xs text-slate-500" title={me.email}>
          {me.teams.length ? me.teams.map((t) => t.name).join(", ") : me.email}
        </p>
      </div>
      <Button
        size="icon"
        variant="ghost"
        onClick={signOut}
        disabled={leaving}
        aria-label="Sign out"
        title="Sign out"
        data-testid="sign-out"
      >
        <LogOut className="h-4 w-4" />
      </Button>
    </div>
  );
}
