// Better Auth's HTTP endpoints (/api/auth/get-session, /api/auth/sign-out, ...) are the lab's route handler.
export { GET, POST } from "@lab/app/api/auth/[...all]/route";
