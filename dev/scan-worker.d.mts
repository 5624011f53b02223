/** Types of dev/scan-worker.mjs (the scan worker's build), for the integration tests' setup and bench:scan. */
export declare const SCAN_WORKER_SOURCE: string;
export declare const SCAN_WORKER_OUTPUT: string;
export declare function scanWorkerModule(): string;
export declare function writeScanWorker(): void;
