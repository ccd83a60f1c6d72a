/**
 * Where the deck's lab badges point. This is the one place the repository URL
 * is configured: set VITE_COURSE_REPO_URL (e.g. https://github.com/org/course)
 * and, if the default branch is not "main", VITE_COURSE_REPO_REF, before
 * `npm run dev` or `npm run build`.
 *
 * Without the variable a badge cannot link to the README: the built site is a
 * static folder and labs/ lives outside it. The badge then shows the
 * repository-relative path instead, which works on any checkout.
 */
const repoUrl = (import.meta.env.VITE_COURSE_REPO_URL ?? "").trim().replace(/\/+$/, "");
const repoRef = (import.meta.env.VITE_COURSE_REPO_REF ?? "").trim() || "main";

export function labReadmePath(id: string): string {
  return `labs/${id}/README.md`;
}

/** The README's URL on the code host, or null when no repository URL is configured. */
export function labReadmeUrl(id: string): string | null {
  return repoUrl ? `${repoUrl}/blob/${repoRef}/${labReadmePath(id)}` : null;
}
