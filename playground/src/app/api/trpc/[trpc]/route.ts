// The lab's tRPC endpoint (/api/trpc/me, /api/trpc/notes.list, ...): ctx.user comes from the session cookie.
export { GET, POST } from "@lab/app/api/trpc/[trpc]/route";
