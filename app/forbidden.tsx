import Link from "next/link";

/** What a page shows when the signed-in user's role does not allow it (403): no data of the page is rendered. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg py-24 text-center" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-500">
        Your role does not allow this page. Ask an admin for access, or pick a cluster you have a role on.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to clusters
      </Link>
    </main>
  );
}
