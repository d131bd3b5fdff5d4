import type { Metadata } from "next";
import { Suspense } from "react";
import { Replay } from "@/components/pages/Replay";

export const metadata: Metadata = { title: "Replay" };

export default function Page() {
  return (
    <Suspense>
      <Replay />
    </Suspense>
  );
}
