import Link from "next/link";
import { safeUrl } from "@/components/markdown";
import { CachedMarkdown } from "@/components/markdown-html";
import { Badge, Card } from "@/components/ui/layout";
import type { ContractDetails, DetailsMode } from "@/lib/contracts/get-contract-details";
import { kindLabel } from "@/lib/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { FollowUpInfo } from "@/lib/follow-up/get-follow-up";
import { CopyLink } from "./copy-link";
import { NoteEditor } from "./note-editor";
import type { DetailsActions } from "./types";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-border py-4 last:border-0 sm:grid-cols-4">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="sm:col-span-3">{children}</dd>
    </div>
  );
}

export function GeneralTab({
  contract: c,
  mode,
  viewAgreement,
  basePath,
  onEditNote,
  followUp,
}: {
  followUp?: FollowUpInfo | null;
  contract: ContractDetails;
  mode: DetailsMode;
  viewAgreement: boolean;
  basePath: string;
  onEditNote?: DetailsActions["editNote"];
}) {
  return (
    <Card>
      <dl>
        {mode === "issuer" && c.status === "pending" ? (
          <Row label="Activation link">
            {c.activationLink ? (
              <CopyLink link={c.activationLink} />
            ) : (
              <p className="text-sm text-muted-foreground">The link has expired. Regenerate it to invite the partner again.</p>
            )}
          </Row>
        ) : null}
        <Row label="Note to signee">
          <NoteEditor
            publicId={c.publicId}
            note={c.noteToSignee}
            editable={mode === "issuer" && c.status === "pending" && Boolean(onEditNote)}
            onSave={onEditNote}
          />
        </Row>
        <Row label="Agreement">
          <p className="text-sm text-foreground">
            {c.agreement.name} <span className="font-mono text-xs text-muted-foreground">{c.agreement.publicId}</span>
          </p>
          <p className="text-sm text-muted-foreground">Version {c.agreement.versionNumber}</p>
          {viewAgreement ? (
            <div className="mt-3 rounded-md border border-border bg-muted p-4">
              {c.agreement.contentKind === "link" ? (
                <a className="text-link underline" href={safeUrl(c.agreement.content)} rel="noopener noreferrer nofollow" target="_blank">
                  Open the agreement document
                </a>
              ) : (
                <CachedMarkdown>{c.agreement.content}</CachedMarkdown>
              )}
              <Link href={`${basePath}?tab=general`} className="mt-3 inline-block text-sm text-link underline">
                Hide the agreement
              </Link>
            </div>
          ) : (
            <Link href={`${basePath}?tab=general&view=agreement`} className="mt-1 inline-block text-sm text-link underline">
              View version {c.agreement.versionNumber}
            </Link>
          )}
        </Row>
        <Row label="Kind">
          <Badge tone={c.kind === "test" ? "test" : "neutral"}>{kindLabel[c.kind]}</Badge>
        </Row>
        {mode === "issuer" ? (
          <Row label="Internal note">
            <p className="text-sm text-foreground">{c.internalNote ?? "—"}</p>
          </Row>
        ) : null}
        {c.signeeEmail && mode === "issuer" && c.status === "pending" ? (
          <Row label="Signee email">
            <p className="text-sm text-foreground">{c.signeeEmail}</p>
          </Row>
        ) : null}
        {mode === "issuer" && followUp ? (
          <>
            <Row label="Opened">
              <OpenedSummary info={followUp} />
            </Row>
            {c.status === "pending" ? (
              <Row label="Reminders">
                <p className="text-sm text-foreground">
                  {followUp.remindersEnabled ? "On" : "Off for this contract"}
                  {followUp.remindersSent > 0 ? ` · ${followUp.remindersSent} sent` : ""}
                </p>
              </Row>
            ) : null}
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/** "Opened": first and last time a person's browser showed the activation page, how often, and from where. */
function OpenedSummary({ info }: { info: FollowUpInfo }) {
  if (!info.firstOpenedAt) return <p className="text-sm text-muted-foreground">Not opened yet</p>;
  return (
    <div className="space-y-1 text-sm text-foreground">
      <p>
        Opened {info.openCount === 1 ? "once" : `${info.openCount} times`}: first <RelativeTime date={info.firstOpenedAt} />
        {info.lastOpenedAt && info.openCount > 1 ? (
          <>
            , last <RelativeTime date={info.lastOpenedAt} />
          </>
        ) : null}
      </p>
      {info.lastOpenIp || info.lastOpenUserAgent ? (
        <p className="break-words text-xs text-muted-foreground">
          Last from {info.lastOpenIp ?? "an unknown address"}
          {info.lastOpenUserAgent ? ` · ${info.lastOpenUserAgent}` : ""}
        </p>
      ) : null}
    </div>
  );
}
