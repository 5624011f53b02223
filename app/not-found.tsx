import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-500">
        This page or cluster does not exist. Check the cluster id in the address, or pick a cluster from the list.
      </p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to clusters
      </Link>
    </main>
  );
}
