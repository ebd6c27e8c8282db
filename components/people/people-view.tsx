"use client";

import { Ellipsis, Mail, Shield, Trash2, UserPlus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Field, FormError, Input, inputClass } from "@/components/ui/field";
import { notify } from "@/components/ui/notify";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { Action } from "@/lib/action-result";
import { memberRoles } from "@/lib/accounts/roles";
import type { MemberRole } from "@/lib/accounts/viewer";
import type { PersonRow } from "@/lib/people/list-people";

export type PeopleActions = {
  invite: Action<{ email: string; role: MemberRole }, { invitationId: string; email: string }>;
  resend: Action<{ invitationId: string }, { email: string }>;
  revoke: Action<{ invitationId: string }, { email: string }>;
  changeRole: Action<{ userId: string; role: MemberRole }, { fullName: string; role: MemberRole; changed: boolean }>;
  remove: Action<{ userId: string }, { fullName: string; self: boolean }>;
};

type Me = { userPublicId: string; memberRole: MemberRole };

/** The roles this member may hand out: only an Owner grants Owner. */
const grantable = (me: Me) => memberRoles.filter((r) => r !== "owner" || me.memberRole === "owner");

/** Settings → Users: the account's users and pending invitations, Invite user, and each row's actions. */
export function PeopleView({ rows, me, actions, now }: { rows: PersonRow[]; me: Me; actions: PeopleActions; now: string }) {
  const t = useTranslations("Users");
  const common = useTranslations("Common");
  const [inviting, setInviting] = useState(false);
  const at = new Date(now);
  const columns: Column<PersonRow>[] = [
    {
      label: t("user"),
      primary: true,
      cell: (r) => (
        <div className="min-w-0">
          <div className="break-words font-medium text-foreground">
            {r.fullName ?? r.email}
            {r.kind === "user" && r.id === me.userPublicId ? <span className="font-normal text-muted-foreground"> {t("you")}</span> : null}
          </div>
          {r.fullName ? <div className="break-all text-muted-foreground">{r.email}</div> : null}
          {r.kind === "invitation" && r.invitedBy ? (
            <div className="text-xs text-muted-foreground">{t("invitedBy", { name: r.invitedBy })}</div>
          ) : null}
        </div>
      ),
    },
    { label: t("role"), cell: (r) => common(`memberRole.${r.role}`) },
    {
      label: t("lastSignIn"),
      cell: (r) =>
        r.kind === "user" ? (
          r.lastSignInAt ? (
            <RelativeTime date={r.lastSignInAt} now={at} />
          ) : (
            <span className="text-muted-foreground">{t("never")}</span>
          )
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      label: t("status"),
      cell: (r) =>
        r.kind === "user" ? (
          <Badge tone="active">{t("active")}</Badge>
        ) : r.expired ? (
          <Badge tone="terminated">{t("invitationExpired")}</Badge>
        ) : (
          <span className="inline-flex flex-wrap items-center gap-1">
            <Badge tone="invited">{t("invited")}</Badge>
            <span className="text-xs text-muted-foreground">
              {t.rich("expires", { when: () => <RelativeTime date={r.expiresAt} now={at} /> })}
            </span>
          </span>
        ),
    },
    { label: t("actions"), align: "right", cell: (r) => <RowActions row={r} me={me} actions={actions} /> },
  ];
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="users-heading" className="text-base font-semibold text-foreground">
            {t("title")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("intro")}</p>
        </div>
        <Button onClick={() => setInviting(true)}>
          <UserPlus aria-hidden="true" /> {t("inviteUser")}
        </Button>
      </div>
      <DataTable columns={columns} rows={rows} rowKey={(r) => `${r.kind}:${r.id}`} caption={t("caption")} />
      <Dialog open={inviting} onOpenChange={setInviting}>
        {inviting ? <InviteDialog me={me} invite={actions.invite} onDone={() => setInviting(false)} /> : null}
      </Dialog>
    </section>
  );
}

function InviteDialog({ me, invite, onDone }: { me: Me; invite: PeopleActions["invite"]; onDone: () => void }) {
  const t = useTranslations("Users");
  const common = useTranslations("Common");
  const form = useForm<{ email: string; role: MemberRole }>({ defaultValues: { email: "", role: "member" } });
  const { submit, formError, submitting } = useActionForm(form, invite, {
    onSuccess: (d) => {
      notify(t("invitationSent", { email: d.email }));
      onDone();
    },
  });
  const emailError = form.formState.errors.email?.message;
  const roleError = form.formState.errors.role?.message;
  const role = useWatch({ control: form.control, name: "role" });
  return (
    <DialogContent title={t("inviteUser")} description={t("inviteIntro")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={formError} />
        <Field id="invite-email" label={t("email")} required error={emailError}>
          <Input
            id="invite-email"
            type="email"
            autoComplete="off"
            required
            maxLength={254}
            error={emailError}
            {...form.register("email")}
          />
        </Field>
        <Field id="invite-role" label={t("role")} hint={t(`roleHint.${role}`)} error={roleError}>
          <select id="invite-role" className={inputClass} aria-describedby="invite-role-hint" {...form.register("role")}>
            {grantable(me).map((r) => (
              <option key={r} value={r}>
                {common(`memberRole.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{common("cancel")}</Button>
          </DialogClose>
          <Button type="submit" disabled={submitting}>
            {submitting ? t("sending") : t("sendInvitation")}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}

type Open = "role" | "remove" | "resend" | "revoke" | null;

function RowActions({ row, me, actions }: { row: PersonRow; me: Me; actions: PeopleActions }) {
  const t = useTranslations("Users");
  const [open, setOpen] = useState<Open>(null);
  const router = useRouter();
  // Owners' rows (and invitations to be an Owner) are an Owner's to change; the server checks again.
  if (row.role === "owner" && me.memberRole !== "owner") return null;
  const name = row.fullName ?? row.email;
  const label = t("actionsFor", { name });
  if (row.kind === "invitation") {
    return (
      <>
        <DropdownMenu modal={false}>
          <DropdownMenuTrigger className={buttonClass("secondary", "icon")} aria-label={label}>
            <Ellipsis aria-hidden="true" />
          </DropdownMenuTrigger>
          <DropdownMenuContent>
            <DropdownMenuItem onSelect={() => setOpen("resend")}>
              <Mail aria-hidden="true" /> {t("resend")}
            </DropdownMenuItem>
            <DropdownMenuItem tone="danger" onSelect={() => setOpen("revoke")}>
              <X aria-hidden="true" /> {t("revoke")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <ConfirmDialog
          open={open === "resend"}
          onOpenChange={(o) => setOpen(o ? "resend" : null)}
          title={t("resendTitle", { email: row.email })}
          description={t("resendText")}
          confirmLabel={t("resendInvitation")}
          busyLabel={t("sending")}
          onConfirm={async () => {
            const result = await actions.resend({ invitationId: row.id });
            if (!result.ok) return result.error;
            notify(t("invitationResent", { email: result.data.email }));
            setOpen(null);
          }}
        />
        <ConfirmDialog
          open={open === "revoke"}
          onOpenChange={(o) => setOpen(o ? "revoke" : null)}
          title={t("revokeTitle", { email: row.email })}
          description={t("revokeText")}
          confirmLabel={t("revokeInvitation")}
          busyLabel={t("revoking")}
          tone="danger"
          onConfirm={async () => {
            const result = await actions.revoke({ invitationId: row.id });
            if (!result.ok) return result.error;
            notify(t("invitationRevoked", { email: result.data.email }));
            setOpen(null);
          }}
        />
      </>
    );
  }
  const self = row.id === me.userPublicId;
  return (
    <>
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger className={buttonClass("secondary", "icon")} aria-label={label}>
          <Ellipsis aria-hidden="true" />
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem onSelect={() => setOpen("role")}>
            <Shield aria-hidden="true" /> {t("changeRole")}
          </DropdownMenuItem>
          <DropdownMenuItem tone="danger" onSelect={() => setOpen("remove")}>
            <Trash2 aria-hidden="true" /> {self ? t("leaveThisAccount") : t("removeUser")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={open === "role"} onOpenChange={(o) => setOpen(o ? "role" : null)}>
        {open === "role" ? <RoleDialog row={row} me={me} changeRole={actions.changeRole} onDone={() => setOpen(null)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={open === "remove"}
        onOpenChange={(o) => setOpen(o ? "remove" : null)}
        title={self ? t("leaveTitle") : t("removeTitle", { name })}
        description={self ? t("leaveText") : t("removeText")}
        confirmLabel={self ? t("leaveAccount") : t("removeUser")}
        busyLabel={t("removing")}
        tone="danger"
        onConfirm={async () => {
          const result = await actions.remove({ userId: row.id });
          if (!result.ok) return result.error;
          notify(result.data.self ? t("youLeft") : t("removed", { name: result.data.fullName }));
          setOpen(null);
          if (result.data.self) router.push("/");
        }}
      />
    </>
  );
}

function RoleDialog({
  row,
  me,
  changeRole,
  onDone,
}: {
  row: PersonRow & { kind: "user" };
  me: Me;
  changeRole: PeopleActions["changeRole"];
  onDone: () => void;
}) {
  const t = useTranslations("Users");
  const common = useTranslations("Common");
  const form = useForm<{ userId: string; role: MemberRole }>({ defaultValues: { userId: row.id, role: row.role } });
  const { submit, formError, submitting } = useActionForm(form, changeRole, {
    onSuccess: (d) => {
      notify(d.changed ? t("roleChanged", { name: d.fullName, role: common(`memberRole.${d.role}`) }) : t("roleUnchanged"));
      onDone();
    },
  });
  return (
    <DialogContent title={t("changeRoleTitle", { name: row.fullName })} description={row.email}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={formError} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-foreground">{t("role")}</legend>
          {grantable(me).map((r) => (
            <label key={r} className="flex items-start gap-2 text-sm">
              <input type="radio" value={r} className="mt-1" {...form.register("role")} />
              <span>
                <span className="font-medium text-foreground">{common(`memberRole.${r}`)}</span>
                <span className="block text-muted-foreground">{t(`roleHint.${r}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{common("cancel")}</Button>
          </DialogClose>
          <Button type="submit" disabled={submitting}>
            {submitting ? common("saving") : t("saveRole")}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
