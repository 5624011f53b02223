import { connectorActionRoute } from "../connector-action-route";

export const dynamic = "force-dynamic";

export const POST = connectorActionRoute("pause");
