// Minimal types for the pure-JS codec packages that ship none.
declare module "snappyjs" {
  export function compress<T extends Uint8Array>(input: T): T;
  export function uncompress<T extends Uint8Array>(input: T, maxLength?: number): T;
}
declare module "lz4js" {
  export function compress(input: Uint8Array, maxSize?: number): Uint8Array;
  export function decompress(input: Uint8Array, maxSize?: number): Uint8Array;
  export function decompressBound(input: Uint8Array): number;
  export function compressBound(n: number): number;
  export function compressBlock(
    src: Uint8Array,
    dst: Uint8Array,
    sIndex: number,
    sLength: number,
    hashTable: Uint32Array,
  ): number;
}
declare module "lz4js/xxh32.js" {
  export function hash(seed: number, src: Uint8Array, index: number, length: number): number;
}
declare module "zstd-codec" {
  export const ZstdCodec: {
    run(
      callback: (zstd: { Simple: new () => { compress(data: Uint8Array, level?: number): Uint8Array } }) => void,
    ): void;
  };
}
