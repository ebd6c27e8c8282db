import { redirect } from "next/navigation";

export default function PartnersIndex() {
  redirect("/partners/contracts");
}
