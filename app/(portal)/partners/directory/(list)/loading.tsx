import { ListSkeleton } from "@/components/ui/skeleton";

/**
 * The list's shape while it loads. Only the list is in this (list) route group: a loading boundary above
 * a details page would stream its 404 as a 200 (the details pages call notFound()).
 */
export default function Loading() {
  return <ListSkeleton label="Loading directory" />;
}
