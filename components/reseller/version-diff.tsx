import { useTranslations } from "next-intl";
import { diffStats, textDiff, type DiffPart } from "@/lib/reseller/text-diff";

const marker = { added: "+", removed: "−", same: " " } as const;
const tone = {
  added: "bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-100",
  removed: "bg-rose-100 text-rose-900 decoration-rose-400 dark:bg-rose-400/15 dark:text-rose-100",
  same: "text-muted-foreground",
} as const;

/**
 * What changed between the signed text and the new one. Rendered as React text only (never HTML), so
 * markup in an agreement shows as characters; colour AND a +/− marker tell added from removed.
 */
export function VersionDiff({
  before,
  after,
  fromNumber,
  toNumber,
}: {
  before: string;
  after: string;
  fromNumber: number;
  toNumber: number;
}) {
  const t = useTranslations("Reseller");
  const diff = textDiff(before, after);
  const stats = diffStats(diff);
  const lines = diff.mode === "lines";
  const srLabel = { added: t("srAdded"), removed: t("srRemoved"), same: "" };
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-foreground">
        {t("changesFromTo", { from: fromNumber, to: toNumber })}:{" "}
        <span className="font-medium text-emerald-800 dark:text-emerald-300">
          + {t(lines ? "linesAdded" : "changesAdded", { count: stats.added })}
        </span>
        ,{" "}
        <span className="font-medium text-rose-800 dark:text-rose-300">
          − {t(lines ? "linesRemoved" : "changesRemoved", { count: stats.removed })}
        </span>
      </figcaption>
      <div
        tabIndex={0}
        role="region"
        aria-label={t("changesFromTo", { from: fromNumber, to: toNumber })}
        className="max-h-[32rem] overflow-auto rounded-md border border-border bg-card p-3 font-mono text-xs leading-5"
        data-testid="version-diff"
      >
        {diff.mode === "lines" ? (
          diff.parts.map((p, i) => <Line key={i} part={p} sr={srLabel[p.kind]} />)
        ) : (
          <p className="whitespace-pre-wrap break-words">
            {diff.parts.map((p, i) => (
              <Word key={i} part={p} sr={srLabel[p.kind]} />
            ))}
          </p>
        )}
      </div>
    </figure>
  );
}

function Line({ part, sr }: { part: DiffPart; sr: string }) {
  const Tag = part.kind === "added" ? "ins" : part.kind === "removed" ? "del" : "div";
  return (
    <Tag className={`flex gap-2 no-underline ${tone[part.kind]}`}>
      <span aria-hidden="true" className="w-3 shrink-0 select-none text-center font-bold">
        {marker[part.kind]}
      </span>
      <span className="sr-only">{sr}</span>
      <span className={`whitespace-pre-wrap break-words ${part.kind === "removed" ? "line-through" : ""}`}>{part.text || " "}</span>
    </Tag>
  );
}

function Word({ part, sr }: { part: DiffPart; sr: string }) {
  if (part.kind === "same") return <span className={tone.same}>{part.text}</span>;
  const Tag = part.kind === "added" ? "ins" : "del";
  return (
    <Tag className={`no-underline ${tone[part.kind]}`}>
      <span aria-hidden="true">[{marker[part.kind]}</span>
      <span className="sr-only">{sr}</span>
      {part.text}
      <span aria-hidden="true">]</span>
    </Tag>
  );
}
