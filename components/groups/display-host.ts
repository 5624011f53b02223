/** Kafka reports a client's address as "/10.0.0.7"; the slash means nothing to people. */
export const displayHost = (host: string) => host.replace(/^\//, "");
