import type { Metadata } from "next";
import { Suspense } from "react";
import { LiveSession } from "@/components/pages/LiveSession";

export const metadata: Metadata = { title: "Live session" };

export default function Page() {
  return (
    <Suspense>
      <LiveSession />
    </Suspense>
  );
}
