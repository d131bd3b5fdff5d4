import type { Metadata } from "next";
import { ClusterPage } from "@/components/pages/ClusterPage";

export const metadata: Metadata = { title: "Cluster" };

export default function Page() {
  return <ClusterPage />;
}
