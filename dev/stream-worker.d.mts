/** Types of dev/stream-worker.mjs (the shared stream worker's build), for bench/tail.ts. */
export declare const STREAM_WORKER_SOURCE: string;
export declare const STREAM_WORKER_OUTPUT: string;
export declare function streamWorkerScript(): string;
export declare function writeStreamWorker(): void;
