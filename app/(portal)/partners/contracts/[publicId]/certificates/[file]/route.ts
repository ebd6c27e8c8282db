import { certificateDownload } from "@/lib/evidence/download";

export const dynamic = "force-dynamic";

/** A certificate of acceptance of this contract, for the issuer's staff (404 for anybody else). */
export async function GET(_request: Request, { params }: { params: Promise<{ publicId: string; file: string }> }) {
  const { publicId, file } = await params;
  return certificateDownload("issuer", publicId, file);
}
