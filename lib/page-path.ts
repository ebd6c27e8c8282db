/**
 * The request header proxy.ts sets to the page's path and query on GET requests (and strips from every request), so
 * the first reader of the viewer in a request knows which page is rendering and can run that page's folded
 * statement (lib/page-data.ts). Only a hint for choosing a query: every page checks what it gets.
 */
export const PAGE_PATH_HEADER = "x-scp-page-path";
