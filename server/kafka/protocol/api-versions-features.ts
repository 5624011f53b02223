import "server-only";
import { createAPI, Writer, type Reader } from "@platformatic/kafka";

/**
 * ApiVersions (API key 18) v3, defined from Kafka's ApiVersionsRequest.json / ApiVersionsResponse.json with
 * `@platformatic/kafka`'s public protocol framework. The client's own v3/v4 modules stop at ThrottleTimeMs; the
 * cluster's features are in the response's top-level tagged fields, read here:
 *   tag 0 SupportedFeatures  [Name MinVersion MaxVersion TAG_BUFFER]
 *   tag 1 FinalizedFeaturesEpoch int64
 *   tag 2 FinalizedFeatures  [Name MaxVersionLevel MinVersionLevel TAG_BUFFER]
 *   tag 3 ZkMigrationReady bool
 * The response header of ApiVersions is never flexible (no header tag buffer), whatever the version.
 */

export type SupportedFeature = { name: string; minVersion: number; maxVersion: number };
export type FinalizedFeature = { name: string; maxVersionLevel: number; minVersionLevel: number };
export type ApiVersionsFeaturesResponse = {
  errorCode: number;
  apiKeys: { apiKey: number; minVersion: number; maxVersion: number }[];
  throttleTimeMs: number;
  supportedFeatures: SupportedFeature[];
  finalizedFeaturesEpoch: bigint;
  finalizedFeatures: FinalizedFeature[];
};

function createRequest(clientSoftwareName: string, clientSoftwareVersion: string): Writer {
  return Writer.create().appendString(clientSoftwareName).appendString(clientSoftwareVersion).appendTaggedFields();
}

/** Reads a tag buffer (count, then tag + size + payload each), handing known tags to `read`; unknown tags are skipped. */
function readTagBuffer(reader: Reader, read: (tag: number, r: Reader) => void): void {
  const count = reader.readUnsignedVarInt();
  for (let i = 0; i < count; i++) {
    const tag = reader.readUnsignedVarInt();
    const size = reader.readUnsignedVarInt();
    const end = reader.position + size;
    read(tag, reader);
    reader.position = end;
  }
}

/** Errors are returned (errorCode), not thrown: UNSUPPORTED_VERSION still carries the broker's ApiVersions list. */
function parseResponse(
  _correlationId: number,
  _apiKey: number,
  _apiVersion: number,
  reader: Reader,
): ApiVersionsFeaturesResponse {
  const out: ApiVersionsFeaturesResponse = {
    errorCode: reader.readInt16(),
    apiKeys: reader.readArray((r) => ({ apiKey: r.readInt16(), minVersion: r.readInt16(), maxVersion: r.readInt16() })),
    throttleTimeMs: reader.readInt32(),
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
  };
  if (reader.remaining <= 0) return out;
  readTagBuffer(reader, (tag, r) => {
    if (tag === 0) {
      out.supportedFeatures = r.readArray((f) => ({
        name: f.readString(),
        minVersion: f.readInt16(),
        maxVersion: f.readInt16(),
      }));
    } else if (tag === 1) {
      out.finalizedFeaturesEpoch = r.readInt64();
    } else if (tag === 2) {
      out.finalizedFeatures = r.readArray((f) => ({
        name: f.readString(),
        maxVersionLevel: f.readInt16(),
        minVersionLevel: f.readInt16(),
      }));
    }
  });
  return out;
}

export const apiVersionsV3 = createAPI<
  [clientSoftwareName: string, clientSoftwareVersion: string],
  ApiVersionsFeaturesResponse
>(18, 3, createRequest, parseResponse, true, false);
