import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { openApiDocument } from "@/lib/api/openapi";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("ApiDocs"))("title") };
}

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  format?: string;
  maxLength?: number;
};
type Param = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

/** A schema as a short type: "string", "Contract", "ContractSummary[]", "pending | active". */
function typeOf(s: Schema | undefined): string {
  if (!s) return "any";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf ?? s.oneOf) return (s.anyOf ?? s.oneOf)!.map(typeOf).join(" | ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "object");
  return s.format ? `${t} (${s.format})` : t;
}

/** The page's introduction (rich text: a sync component, so it can use next-intl's t.rich). */
function Intro() {
  const t = useTranslations("ApiDocs");
  return (
    <p className="mt-2 text-sm text-muted-foreground">
      {t.rich("intro", {
        base: "/api/v1",
        json: "/api/v1/openapi.json",
        problem: "application/problem+json",
        code: (chunks) => <code className="font-mono">{chunks}</code>,
        link: (chunks) => (
          <a className="text-link underline" href="/api/v1/openapi.json">
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}

function Fields({ schema }: { schema: Schema }) {
  const t = useTranslations("ApiDocs");
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return <p className="text-sm text-muted-foreground">{typeOf(schema)}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {props.map(([name, s]) => (
        <li key={name} className="break-words">
          <code className="font-mono text-foreground">{name}</code>
          {schema.required?.includes(name) ? null : <span className="text-muted-foreground"> {t("optional")}</span>}
          <span className="text-muted-foreground">: {typeOf(s)}</span>
          {s.description ? <span className="text-muted-foreground"> — {s.description}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves
 * (no script, no CDN). Public: it describes the API and holds no data. The page's own words follow the
 * reader's language; the document's (summaries, descriptions) are the API's and stay English.
 */
export default async function ApiReferencePage() {
  const t = await getT("ApiDocs");
  const doc = openApiDocument();
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-foreground">{doc.info.title}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{doc.info.description}</p>
      <Intro />
      <nav aria-label={t("operations")} className="mt-6">
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId} className="break-words">
              <a className="text-link underline" href={`#${op.operationId}`}>
                {op.summary}
              </a>{" "}
              <span className="font-mono text-xs text-muted-foreground">
                {method} {path}
              </span>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <section key={op.operationId} id={op.operationId} className="mt-8 rounded-lg border border-border bg-card p-4 sm:p-6">
          <h2 className="text-lg font-semibold text-foreground">{op.summary}</h2>
          <p className="mt-1 break-all font-mono text-sm text-foreground">
            {method} /api/v1{path}
          </p>
          {op.description ? <p className="mt-2 text-sm text-muted-foreground">{op.description}</p> : null}
          {op.parameters?.length ? (
            <>
              <h3 className="mt-4 text-sm font-semibold text-foreground">{t("parameters")}</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {op.parameters.map((p) => (
                  <li key={`${p.in}-${p.name}`} className="break-words">
                    <code className="font-mono text-foreground">{p.name}</code>
                    <span className="text-muted-foreground">
                      {" "}
                      ({p.in}
                      {p.required ? `, ${t("required")}` : ""}): {typeOf(p.schema)}
                      {p.description ? ` — ${p.description}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {op.requestBody ? (
            <>
              <h3 className="mt-4 text-sm font-semibold text-foreground">{t("body")}</h3>
              <Fields schema={op.requestBody.content["application/json"].schema} />
            </>
          ) : null}
          <h3 className="mt-4 text-sm font-semibold text-foreground">{t("responses")}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {Object.entries(op.responses).map(([status, r]) => (
              <li key={status} className="break-words">
                <span className="font-mono text-foreground">{status}</span>{" "}
                <span className="text-muted-foreground">
                  {r.description}
                  {r.content ? ` ${typeOf(Object.values(r.content)[0].schema)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2 className="mt-10 text-xl font-semibold text-foreground">{t("schemas")}</h2>
      {Object.entries(schemas).map(([name, s]) => (
        <section key={name} id={`schema-${name}`} className="mt-4 rounded-lg border border-border bg-card p-4 sm:p-6">
          <h3 className="font-mono text-base font-semibold text-foreground">{name}</h3>
          {s.description ? <p className="mt-1 text-sm text-muted-foreground">{s.description}</p> : null}
          <div className="mt-2">
            <Fields schema={s} />
          </div>
        </section>
      ))}
    </main>
  );
}
