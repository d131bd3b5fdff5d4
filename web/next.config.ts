import type { NextConfig } from "next";

// A static export: the web host serves web/out as plain files at /.
const config: NextConfig = {
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
