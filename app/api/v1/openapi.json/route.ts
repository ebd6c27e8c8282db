import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document (public: it describes the API, it holds no data). */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
