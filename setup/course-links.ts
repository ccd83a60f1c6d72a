/**
 * Where the deck's lab badges point. This is the one place the repository URL
 * is configured: set VITE_COURSE_REPO_URL (e.g. https://github.com/org/course)
 * and, if the default branch is not "main", VITE_COURSE_REPO_REF, before
 * `npm run dev` or `npm run build`.
 *
 * Without the variable a badge cannot link to the README: the built site is a
 * static folder and labs/ lives outside it. The badge then shows the
 * repository-relative path instead, which works on any checkout. The command
 * that starts the lab is shown either way: it is what a student types next.
 */
const repoUrl = (import.meta.env.VITE_COURSE_REPO_URL ?? "").trim().replace(/\/+$/, "");
const repoRef = (import.meta.env.VITE_COURSE_REPO_REF ?? "").trim() || "main";

/** What a student runs to work on the lab: the watch mode of its grader (scripts/lab/watch.ts). */
export function labCommand(id: string): string {
  return `npm run lab -- ${id}`;
}

export function labReadmePath(id: string): string {
  return `labs/${id}/README.md`;
}

/** The README's URL on the code host, or null when no repository URL is configured. */
export function labReadmeUrl(id: string): string | null {
  return repoUrl ? `${repoUrl}/blob/${repoRef}/${labReadmePath(id)}` : null;
}
