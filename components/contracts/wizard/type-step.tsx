export function TypeStep() {
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold text-slate-900">Select the contract type</legend>
      <label className="flex cursor-pointer items-start gap-3 rounded-md border border-brand-600 bg-brand-50 p-4">
        <input type="radio" name="contract-type" value="service" defaultChecked className="mt-1" />
        <span>
          <span className="block font-medium text-slate-900">Service</span>
          <span className="block text-sm text-slate-600">Invite a reseller to activate the Reseller Portal.</span>
        </span>
      </label>
      <label className="flex items-start gap-3 rounded-md border border-slate-200 p-4 opacity-60">
        <input type="radio" name="contract-type" value="program" disabled className="mt-1" />
        <span>
          <span className="block font-medium text-slate-900">Program</span>
          <span className="block text-sm text-slate-600">Not available for your account.</span>
        </span>
      </label>
    </fieldset>
  );
}
