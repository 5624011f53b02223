/** The bench's command line (`npm run bench:x -- --flag value`). */
export const argv = process.argv.slice(2);
/** The number after `flag`, or `d` when the flag is not given. */
export const num = (flag: string, d: number) => (argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : d);
/** The word after `flag`, or `d` when the flag is not given. */
export const str = (flag: string, d: string) => (argv.includes(flag) ? String(argv[argv.indexOf(flag) + 1]) : d);
