/** Client IP and user agent from request headers (the app runs behind at most one trusted proxy). */
export function requestInfo(h: Headers): { ip: string; userAgent: string } {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || h.get("x-real-ip") || "unknown";
  return { ip: ip.slice(0, 64), userAgent: (h.get("user-agent") ?? "").slice(0, 500) };
}
