/**
 * Set-based SQL for the benchmark data. Everything is derived from the series number n so a batch
 * needs no round trips per row. Public IDs: digits = (n × a large odd prime not divisible by 5 + salt)
 * mod 10^k, a bijection on [0, 10^k), so IDs within one seeding are unique yet look random.
 */
const MIX = "735632791864293";

export function publicIdSql(n: string, prefix: string, groups: number[], salt: number): string {
  const width = groups.reduce((a, b) => a + b, 0);
  const d = `lpad(((${n}::numeric * ${MIX} + ${salt}) % 1e${width})::bigint::text, ${width}, '0')`;
  let at = 1;
  const parts = groups.map((g) => {
    const part = `substr(${d}, ${at}, ${g})`;
    at += g;
    return part;
  });
  return `'${prefix}-' || ${parts.join(" || '-' || ")}`;
}

/** Deterministic UUIDs for reseller n (account and its signee), so contracts can point at them. */
export const resellerAccountId = (n: string) => `md5('bench-reseller-' || ${n})::uuid`;
export const resellerUserId = (n: string) => `md5('bench-signee-' || ${n})::uuid`;

export function resellersSql(from: number, to: number, salt: number, permissionsJson: string): string[] {
  return [
    `insert into accounts (id, public_id, name, role, permissions, created_at)
     select ${resellerAccountId("n")}, ${publicIdSql("n", "PA", [3, 3], salt)}, 'Reseller ' || n || ' Pty', 'reseller',
            '${permissionsJson}'::jsonb, now() - interval '1100 days'
     from generate_series(${from}, ${to}) n`,
    `insert into users (id, public_id, email, full_name, password_hash)
     select ${resellerUserId("n")}, ${publicIdSql("n", "UR", [3, 3, 3], salt)}, 'signee' || n || '@reseller' || n || '.test',
            'Signee ' || n, 'bench-no-password'
     from generate_series(${from}, ${to}) n`,
    `insert into memberships (user_id, account_id)
     select ${resellerUserId("n")}, ${resellerAccountId("n")} from generate_series(${from}, ${to}) n`,
  ];
}

export type ContractBatch = {
  from: number;
  to: number;
  total: number;
  resellers: number;
  salt: number;
  issuerId: string;
  staffId: string;
  /** Active version of each agreement (contracts alternate between them). */
  versions: { agreementId: string; versionId: string }[];
  permissionsJson: string;
};

/**
 * One batch of contracts, plus a contract_versions row for every signed one. Spread: 40 % active,
 * 30 % pending, 15 % rejected, 15 % terminated; 20 % test; created over three years, oldest first.
 */
export function contractsSql(b: ContractBatch): string {
  const h = `((n * 7919) % 100)`;
  const m = `(1 + (n * 31) % ${b.resellers})`;
  const status = `case when ${h} < 40 then 'active' when ${h} < 70 then 'pending' when ${h} < 85 then 'rejected' else 'terminated' end`;
  const pick = (f: (v: ContractBatch["versions"][number]) => string) =>
    `case n % ${b.versions.length} ${b.versions.map((v, i) => `when ${i} then '${f(v)}'::uuid`).join(" ")} end`;
  return `with src as (
      select n, ${status} as status, ${m} as m,
        now() - interval '1095 days' + (n::float8 / ${b.total}) * interval '1095 days' - random() * interval '6 hours' as created
      from generate_series(${b.from}::bigint, ${b.to}::bigint) n
    ), ins as (
      insert into contracts (public_id, status, kind, agreement_id, agreement_version_id, issuer_account_id, owner_account_id,
        signee_user_id, created_by_user_id, permissions, note_to_signee, internal_note, signee_email, invited_company_name,
        link_expires_at, created_at, updated_at, activated_at, rejected_at, rejection_reason, terminated_at, termination_reason)
      select ${publicIdSql("n", "CRS", [5, 5, 5], b.salt)}, status, case when n % 5 = 0 then 'test' else 'production' end,
        ${pick((v) => v.agreementId)}, ${pick((v) => v.versionId)}, '${b.issuerId}'::uuid,
        case when status in ('active', 'terminated') then ${resellerAccountId("m")} end,
        case when status in ('active', 'terminated') then ${resellerUserId("m")} end,
        '${b.staffId}'::uuid, '${b.permissionsJson}'::jsonb,
        'Welcome aboard, reseller ' || m || '. Please read the agreement before you sign.',
        case when n % 3 = 0 then 'Region ' || (n % 17) end,
        'signee' || m || '@reseller' || m || '.test', 'Reseller ' || m || ' Pty',
        created + interval '30 days', created, created,
        case when status in ('active', 'terminated') then created + interval '2 days' end,
        case when status = 'rejected' then created + interval '3 days' end,
        case when status = 'rejected' then 'Not interested at this time.' end,
        case when status = 'terminated' then created + interval '200 days' end,
        case when status = 'terminated' then 'Partnership ended.' end
      from src
      returning id, agreement_version_id, signee_user_id, activated_at
    )
    insert into contract_versions (contract_id, agreement_version_id, signed_by_user_id, signed_at, sha256)
    select id, agreement_version_id, signee_user_id, activated_at, md5(id::text) || md5(agreement_version_id::text)
    from ins where signee_user_id is not null`;
}
