// Sends signed-out visitors to the sign-in page. Only a convenience: every page, action and route
// handler checks the session and the fleet role itself.
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC = [
  /^\/login/,
  /^\/join/,
  /^\/invite\//, // an emailed invitation's link: someone without an account signs up there
  /^\/api\/auth\//,
  /^\/api\/health/,
  /^\/api\/metrics$/,
  // A provider's signed events: the route checks the signature itself.
  /^\/api\/providers\/[a-z-]+\/events$/,
  /^\/api\/v1\//, // the public API: an API token, never a session cookie (lib/api-v1/handler.ts)
  /^\/_next\//,
  /^\/favicon/,
  /^\/maplibre/,
  /^\/map-data\//,
];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const signedIn =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (signedIn) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Please sign in again." } }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|.*\\.(?:svg|png|ico|mjs|json)$).*)"] };
