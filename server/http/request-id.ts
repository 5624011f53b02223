import "server-only";
import { randomBytes } from "node:crypto";

export const newRequestId = () => `req_${randomBytes(8).toString("hex")}`;
