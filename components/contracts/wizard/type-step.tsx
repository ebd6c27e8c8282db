import { useTranslations } from "next-intl";

export function TypeStep() {
  const t = useTranslations("Wizard");
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-base font-semibold text-foreground">{t("selectType")}</legend>
      <label className="flex cursor-pointer items-start gap-3 rounded-md border border-primary bg-primary/10 dark:bg-primary/20 p-4">
        <input type="radio" name="contract-type" value="service" defaultChecked className="mt-1" />
        <span>
          <span className="block font-medium text-foreground">{t("typeService")}</span>
          <span className="block text-sm text-muted-foreground">{t("typeServiceHint")}</span>
        </span>
      </label>
      <label className="flex items-start gap-3 rounded-md border border-border p-4 opacity-60">
        <input type="radio" name="contract-type" value="program" disabled className="mt-1" />
        <span>
          <span className="block font-medium text-foreground">{t("typeProgram")}</span>
          <span className="block text-sm text-muted-foreground">{t("typeProgramHint")}</span>
        </span>
      </label>
    </fieldset>
  );
}
