/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "kafkajs", "@platformatic/kafka"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() and app/forbidden.tsx: pages refused by the permission check answer 403 (server/auth/page-access.ts).
  experimental: { authInterrupts: true },
};

export default nextConfig;
