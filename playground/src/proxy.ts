import * as lab from "@lab/proxy";
import type { NextRequest, NextResponse } from "next/server";

// Next.js reads proxy.ts only from this project and parses `config` at build
// time, so this file is the playground's own: the course's matcher is fixed
// here, and every decision on a matched request is the lab's proxy(), which
// the lab may export by name or as the default, as Next.js 16 accepts both.
type LabProxy = (request: NextRequest) => NextResponse | Response;
const labProxy = ((lab as { proxy?: LabProxy }).proxy ?? (lab as { default?: LabProxy }).default) as LabProxy;

export function proxy(request: NextRequest) {
  return labProxy(request);
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
