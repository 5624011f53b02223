"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { TextField } from "@/components/ui/text-field";
import { fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";

const CREDENTIALS = [
  { id: "email", label: "Email", autoComplete: "username", testId: "sign-in-email" },
  { id: "password", label: "Password", autoComplete: "current-password", testId: "sign-in-password" },
] as const;

export function SignInForm({ next, oidc }: { next: string; oidc: boolean }) {
  const [creds, setCreds] = useState({ email: "", password: "" });
  const { email, password } = creds;
  const signIn = useMutation({
    mutationFn: () =>
      fetchJson(paths.api.session(), z.unknown(), { method: "POST", body: JSON.stringify({ email, password }) }),
    // A full navigation, so every server component renders for the new session.
    onSuccess: () => window.location.assign(next),
  });
  const sso = useMutation({
    mutationFn: () =>
      fetchJson("/api/auth/sign-in/social", z.object({ url: z.string() }), {
        method: "POST",
        body: JSON.stringify({ provider: "oidc", callbackURL: next }),
      }),
    onSuccess: (r) => window.location.assign(r.url),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="sign-in-form">
      {CREDENTIALS.map((f) => (
        <TextField
          key={f.id}
          label={f.label}
          id={f.id}
          type={f.id}
          autoComplete={f.autoComplete}
          required
          value={creds[f.id]}
          onValue={(v) => setCreds((c) => ({ ...c, [f.id]: v }))}
          data-testid={f.testId}
        />
      ))}
      {signIn.error ? <ErrorState title="Not signed in" message={signIn.error.message} /> : null}
      <Button
        type="submit"
        variant="primary"
        className="w-full"
        disabled={signIn.isPending || signIn.isSuccess}
        data-testid="sign-in-submit"
      >
        {signIn.isPending || signIn.isSuccess ? "Signing in…" : "Sign in"}
      </Button>
      {oidc ? (
        <>
          <div className="text-center text-xs uppercase tracking-wide text-slate-400">or</div>
          <Button
            type="button"
            className="w-full"
            onClick={() => sso.mutate()}
            disabled={sso.isPending}
            data-testid="sign-in-sso"
          >
            Sign in with single sign-on
          </Button>
          {sso.error ? <ErrorState title="Single sign-on failed" message={sso.error.message} /> : null}
        </>
      ) : null}
    </form>
  );
}
