import { fetchRequestHandler, type FetchHandlerRequestOptions } from "@trpc/server/adapters/fetch";
import type { AnyTRPCRouter } from "@trpc/server";
import { APP_ORIGIN } from "./lab-environment.ts";
import { readJson } from "./http.ts";

export const TRPC_ENDPOINT = "/api/trpc";

export interface TrpcCall {
  status: number;
  /** `result.data` of a successful call. */
  data: unknown;
  /** `error.data.code` of a failed call (`UNAUTHORIZED`, `FORBIDDEN`, ...). */
  code: string | undefined;
  body: Record<string, unknown>;
}

/**
 * Calls one procedure of a lab's router through tRPC's real fetch adapter, as the route
 * `src/app/api/trpc/[trpc]/route.ts` does: a query is a GET with `?input=`, a mutation a POST.
 */
export async function trpcRequest(
  handler: { router: object; createContext: (options: { req: Request }) => Promise<object> },
  path: string,
  init: { type?: "query" | "mutation"; input?: unknown; cookie?: string } = {},
): Promise<TrpcCall> {
  const mutation = init.type === "mutation";
  const url = new URL(`${TRPC_ENDPOINT}/${path}`, APP_ORIGIN);
  if (!mutation && init.input !== undefined) url.searchParams.set("input", JSON.stringify(init.input));
  const headers = new Headers({ origin: APP_ORIGIN });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (mutation) headers.set("content-type", "application/json");
  const req = new Request(url, {
    method: mutation ? "POST" : "GET",
    headers,
    ...(mutation ? { body: JSON.stringify(init.input ?? {}) } : {}),
  });
  const options = { endpoint: TRPC_ENDPOINT, req, router: handler.router, createContext: handler.createContext };
  const response = await fetchRequestHandler(options as unknown as FetchHandlerRequestOptions<AnyTRPCRouter>);
  const body = await readJson(response);
  const error = body.error as { data?: { code?: string } } | undefined;
  return { status: response.status, data: (body.result as { data?: unknown } | undefined)?.data, code: error?.data?.code, body };
}
