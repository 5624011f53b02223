"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";

export function SignInForm({ next, oidc }: { next: string; oidc: boolean }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
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
      <Field label="Email" htmlFor="email">
        <Input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="sign-in-email"
        />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="sign-in-password"
        />
      </Field>
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
