// The part of autocannon's programmatic API bench/replicas.ts uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p90: number; p99: number; max: number };
  export type Result = {
    errors: number;
    timeouts: number;
    non2xx: number;
    latency: Histogram;
    requests: Histogram & { total: number };
    duration: number;
  };
  export type Options = {
    url: string;
    connections?: number;
    /** Requests per second per connection (a think time), instead of as fast as the server answers. */
    connectionRate?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: { method?: string; path: string }[];
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
