"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { ApiClientError, fetchJson } from "@/lib/api/client";
import { paths } from "@/lib/paths";

export function SetupForm() {
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const setup = useMutation({
    mutationFn: () => fetchJson(paths.api.setup(), z.unknown(), { method: "POST", body: JSON.stringify(form) }),
    onSuccess: () => window.location.assign(paths.login()),
  });
  const fieldError = (f: string) =>
    setup.error instanceof ApiClientError ? setup.error.details.find((d) => d.path === f)?.issue : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate();
  };
  return (
    <form onSubmit={submit} className="space-y-4" data-testid="setup-form">
      <Field label="Your name" htmlFor="name" error={fieldError("name")}>
        <Input id="name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </Field>
      <Field label="Email" htmlFor="email" error={fieldError("email")}>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
      </Field>
      <Field label="Password" htmlFor="password" hint="At least 8 characters." error={fieldError("password")}>
        <Input
          id="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
      </Field>
      {setup.error && !(setup.error instanceof ApiClientError && setup.error.details.length) ? (
        <ErrorState title="Not set up" message={setup.error.message} />
      ) : null}
      <Button type="submit" variant="primary" className="w-full" disabled={setup.isPending}>
        Create admin account
      </Button>
    </form>
  );
}
