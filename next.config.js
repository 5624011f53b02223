/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "kafkajs", "@platformatic/kafka"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
