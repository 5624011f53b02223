import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/server/auth/bootstrap";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

/** First run only: create the first admin. Closed for good once any user exists. */
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <AuthCard
      title="Set up Sluice"
      subtitle="Create the first admin account. It can manage every cluster, user and team; this page closes afterwards."
    >
      <SetupForm />
    </AuthCard>
  );
}
