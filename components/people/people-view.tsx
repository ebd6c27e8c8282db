"use client";

import { Ellipsis, Mail, Shield, Trash2, UserPlus, X } from "lucide-react";
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
import { memberRoleLabels, memberRoles } from "@/lib/accounts/roles";
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

const roleHint: Record<MemberRole, string> = {
  owner: "Everything, including the account's Owners.",
  admin: "Users, settings and everything the account may do.",
  member: "Works with agreements and contracts as the account's permissions allow.",
  readonly: "Sees everything, changes nothing.",
};

/** The roles this member may hand out: only an Owner grants Owner. */
const grantable = (me: Me) => memberRoles.filter((r) => r !== "owner" || me.memberRole === "owner");

/** Settings → Users: the account's users and pending invitations, Invite user, and each row's actions. */
export function PeopleView({ rows, me, actions, now }: { rows: PersonRow[]; me: Me; actions: PeopleActions; now: string }) {
  const [inviting, setInviting] = useState(false);
  const at = new Date(now);
  const columns: Column<PersonRow>[] = [
    {
      label: "User",
      primary: true,
      cell: (r) => (
        <div className="min-w-0">
          <div className="break-words font-medium text-foreground">
            {r.fullName ?? r.email}
            {r.kind === "user" && r.id === me.userPublicId ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
          </div>
          {r.fullName ? <div className="break-all text-muted-foreground">{r.email}</div> : null}
          {r.kind === "invitation" && r.invitedBy ? <div className="text-xs text-muted-foreground">Invited by {r.invitedBy}</div> : null}
        </div>
      ),
    },
    { label: "Role", cell: (r) => memberRoleLabels[r.role] },
    {
      label: "Last sign-in",
      cell: (r) =>
        r.kind === "user" ? (
          r.lastSignInAt ? (
            <RelativeTime date={r.lastSignInAt} now={at} />
          ) : (
            <span className="text-muted-foreground">Never</span>
          )
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      label: "Status",
      cell: (r) =>
        r.kind === "user" ? (
          <Badge tone="active">Active</Badge>
        ) : r.expired ? (
          <Badge tone="terminated">Invitation expired</Badge>
        ) : (
          <span className="inline-flex flex-wrap items-center gap-1">
            <Badge tone="invited">Invited</Badge>
            <span className="text-xs text-muted-foreground">
              expires <RelativeTime date={r.expiresAt} now={at} />
            </span>
          </span>
        ),
    },
    { label: "Actions", align: "right", cell: (r) => <RowActions row={r} me={me} actions={actions} /> },
  ];
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="users-heading" className="text-base font-semibold text-foreground">
            Users
          </h2>
          <p className="text-sm text-muted-foreground">Who can sign in to this account, with what role.</p>
        </div>
        <Button onClick={() => setInviting(true)}>
          <UserPlus aria-hidden="true" /> Invite user
        </Button>
      </div>
      <DataTable columns={columns} rows={rows} rowKey={(r) => `${r.kind}:${r.id}`} caption="Users of this account" />
      <Dialog open={inviting} onOpenChange={setInviting}>
        {inviting ? <InviteDialog me={me} invite={actions.invite} onDone={() => setInviting(false)} /> : null}
      </Dialog>
    </section>
  );
}

function InviteDialog({ me, invite, onDone }: { me: Me; invite: PeopleActions["invite"]; onDone: () => void }) {
  const form = useForm<{ email: string; role: MemberRole }>({ defaultValues: { email: "", role: "member" } });
  const { submit, formError, submitting } = useActionForm(form, invite, {
    onSuccess: (d) => {
      notify(`Invitation sent to ${d.email}.`);
      onDone();
    },
  });
  const emailError = form.formState.errors.email?.message;
  const roleError = form.formState.errors.role?.message;
  const role = useWatch({ control: form.control, name: "role" });
  return (
    <DialogContent title="Invite user" description="They get an email with a link to join this account. The link works once, for 7 days.">
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={formError} />
        <Field id="invite-email" label="Email" required error={emailError}>
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
        <Field id="invite-role" label="Role" hint={roleHint[role]} error={roleError}>
          <select id="invite-role" className={inputClass} aria-describedby="invite-role-hint" {...form.register("role")}>
            {grantable(me).map((r) => (
              <option key={r} value={r}>
                {memberRoleLabels[r]}
              </option>
            ))}
          </select>
        </Field>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={submitting}>
            {submitting ? "Sending…" : "Send invitation"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}

type Open = "role" | "remove" | "resend" | "revoke" | null;

function RowActions({ row, me, actions }: { row: PersonRow; me: Me; actions: PeopleActions }) {
  const [open, setOpen] = useState<Open>(null);
  const router = useRouter();
  // Owners' rows (and invitations to be an Owner) are an Owner's to change; the server checks again.
  if (row.role === "owner" && me.memberRole !== "owner") return null;
  const name = row.fullName ?? row.email;
  const label = `Actions for ${name}`;
  if (row.kind === "invitation") {
    return (
      <>
        <DropdownMenu modal={false}>
          <DropdownMenuTrigger className={buttonClass("secondary", "icon")} aria-label={label}>
            <Ellipsis aria-hidden="true" />
          </DropdownMenuTrigger>
          <DropdownMenuContent>
            <DropdownMenuItem onSelect={() => setOpen("resend")}>
              <Mail aria-hidden="true" /> Resend
            </DropdownMenuItem>
            <DropdownMenuItem tone="danger" onSelect={() => setOpen("revoke")}>
              <X aria-hidden="true" /> Revoke
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <ConfirmDialog
          open={open === "resend"}
          onOpenChange={(o) => setOpen(o ? "resend" : null)}
          title={`Send the invitation to ${row.email} again?`}
          description="A new link valid for 7 days is emailed; the link in the earlier email stops working."
          confirmLabel="Resend invitation"
          busyLabel="Sending…"
          onConfirm={async () => {
            const result = await actions.resend({ invitationId: row.id });
            if (!result.ok) return result.error;
            notify(`Invitation sent again to ${result.data.email}.`);
            setOpen(null);
          }}
        />
        <ConfirmDialog
          open={open === "revoke"}
          onOpenChange={(o) => setOpen(o ? "revoke" : null)}
          title={`Revoke the invitation to ${row.email}?`}
          description="The link in their email stops working. You can invite them again later."
          confirmLabel="Revoke invitation"
          busyLabel="Revoking…"
          tone="danger"
          onConfirm={async () => {
            const result = await actions.revoke({ invitationId: row.id });
            if (!result.ok) return result.error;
            notify(`Invitation to ${result.data.email} revoked.`);
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
            <Shield aria-hidden="true" /> Change role
          </DropdownMenuItem>
          <DropdownMenuItem tone="danger" onSelect={() => setOpen("remove")}>
            <Trash2 aria-hidden="true" /> {self ? "Leave this account" : "Remove user"}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={open === "role"} onOpenChange={(o) => setOpen(o ? "role" : null)}>
        {open === "role" ? <RoleDialog row={row} me={me} changeRole={actions.changeRole} onDone={() => setOpen(null)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={open === "remove"}
        onOpenChange={(o) => setOpen(o ? "remove" : null)}
        title={self ? "Leave this account?" : `Remove ${name}?`}
        description={
          self
            ? "You lose access to this account at once. Your user and your other accounts stay."
            : "They lose access to this account at once. Their user and their other accounts stay."
        }
        confirmLabel={self ? "Leave account" : "Remove user"}
        busyLabel="Removing…"
        tone="danger"
        onConfirm={async () => {
          const result = await actions.remove({ userId: row.id });
          if (!result.ok) return result.error;
          notify(result.data.self ? "You left the account." : `${result.data.fullName} was removed.`);
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
  const form = useForm<{ userId: string; role: MemberRole }>({ defaultValues: { userId: row.id, role: row.role } });
  const { submit, formError, submitting } = useActionForm(form, changeRole, {
    onSuccess: (d) => {
      notify(d.changed ? `${d.fullName} is now ${memberRoleLabels[d.role]}.` : "The role did not change.");
      onDone();
    },
  });
  return (
    <DialogContent title={`Change the role of ${row.fullName}`} description={row.email}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={formError} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-foreground">Role</legend>
          {grantable(me).map((r) => (
            <label key={r} className="flex items-start gap-2 text-sm">
              <input type="radio" value={r} className="mt-1" {...form.register("role")} />
              <span>
                <span className="font-medium text-foreground">{memberRoleLabels[r]}</span>
                <span className="block text-muted-foreground">{roleHint[r]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={submitting}>
            {submitting ? "Saving…" : "Save role"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
