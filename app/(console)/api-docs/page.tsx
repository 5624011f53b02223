import { ApiReference, type OpenApiDoc } from "@/components/api-docs/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { requirePageAccess } from "@/server/auth/page-access";
import { ROUTE_MODULES } from "@/app/api/route-index";
import { openApiDocument } from "@/server/http/openapi";

export const metadata = { title: "API reference" };

export default async function ApiDocsPage() {
  // The document itself is public (/api/openapi.json); the page lives inside the console.
  await requirePageAccess("signed-in");
  return (
    <>
      <PageHeader
        title="API reference"
        description="Every route of Sluice's REST API: who may call it, its parameters, its request body and what it answers. Call it with an API token (Authorization: Bearer) or the console's session."
      />
      <p className="mb-6 text-sm">
        <a
          className="text-brand-700 underline dark:text-cyan-300"
          href={paths.api.openapi()}
          data-testid="openapi-json-link"
        >
          /api/openapi.json
        </a>{" "}
        <span className="text-slate-500">— the OpenAPI 3.1 document, for code generators and API clients.</span>
      </p>
      <ApiReference doc={openApiDocument(ROUTE_MODULES) as unknown as OpenApiDoc} />
    </>
  );
}
