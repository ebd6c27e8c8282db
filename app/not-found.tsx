import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-link">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-muted-foreground">There is nothing here, or you do not have access to it.</p>
      <Link href="/" className="mt-6 inline-block text-link underline">
        Go to your portal
      </Link>
    </main>
  );
}
