import { proxy as labProxy } from "@lab/proxy";
import type { NextRequest } from "next/server";

// Next.js reads proxy.ts only from this project and parses `config` at build
// time, so this file is the playground's own: the course's matcher is fixed
// here, and every decision on a matched request is the lab's proxy().
export function proxy(request: NextRequest) {
  return labProxy(request);
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
