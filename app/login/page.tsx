import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/auth/auth-card";
import { safeNext } from "@/lib/security/safe-next";
import { oidcConfigured } from "@/server/auth/auth";
import { needsSetup } from "@/server/auth/bootstrap";
import { pageActor } from "@/server/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await needsSetup()) redirect("/setup");
  if (await pageActor()) redirect(next);
  return (
    <AuthCard title="Sign in to Sluice" subtitle="Use the account an admin created for you.">
      <SignInForm next={next} oidc={oidcConfigured()} />
    </AuthCard>
  );
}
