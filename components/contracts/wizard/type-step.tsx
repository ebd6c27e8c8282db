export function TypeStep() {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold text-foreground">Select the contract type</legend>
      <label className="flex cursor-pointer items-start gap-3 rounded-md border border-primary bg-primary/10 dark:bg-primary/20 p-4">
        <input type="radio" name="contract-type" value="service" defaultChecked className="mt-1" />
        <span>
          <span className="block font-medium text-foreground">Service</span>
          <span className="block text-sm text-muted-foreground">Invite a reseller to activate the Reseller Portal.</span>
        </span>
      </label>
      <label className="flex items-start gap-3 rounded-md border border-border p-4 opacity-60">
        <input type="radio" name="contract-type" value="program" disabled className="mt-1" />
        <span>
          <span className="block font-medium text-foreground">Program</span>
          <span className="block text-sm text-muted-foreground">Not available for your account.</span>
        </span>
      </label>
    </fieldset>
  );
}
