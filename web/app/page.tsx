import type { Metadata } from "next";
import { Fleet } from "@/components/pages/Fleet";

export const metadata: Metadata = { title: "Fleet" };

export default function Page() {
  return <Fleet />;
}
