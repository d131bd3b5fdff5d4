import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-20 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">
        <Link href="/" className="text-accent hover:underline">
          Back to the fleet
        </Link>
      </p>
    </div>
  );
}
