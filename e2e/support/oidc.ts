// The identity provider of the single sign-on test: a real OpenID Connect provider (`oidc-provider`) on this
// machine, with its development login form (any login; the password is not checked) and the people below.
import type { Server } from "node:http";
import Provider from "oidc-provider";

/** Where the test app expects it (playwright.config.ts gives the app this issuer). */
export const oidcPort = (appPort: number) => appPort + 7;
export const OIDC_CLIENT = { id: "fleet-dashboard-e2e", secret: "e2e-oidc-client-secret-e2e-oidc" };
export const OIDC_NAME = "Demo ID";
/** group=fleet:ROLE, as an operator would set OIDC_ROLE_MAPPING. */
export const OIDC_ROLE_MAPPING = "berlin-dispatch=demo-berlin-vans:DISPATCHER,munich-drivers=demo-munich-cars:DRIVER";

/** The people the identity provider knows, by the login typed into its form. */
export const OIDC_PEOPLE: Record<string, { email: string; name: string; groups: string[] }> = {
  "sso-dispatcher": { email: "nora.sso@demo.fleet", name: "Nora Single", groups: ["berlin-dispatch", "staff"] },
  "sso-visitor": { email: "visitor.sso@demo.fleet", name: "Vic Visitor", groups: ["staff"] },
};

export async function startOidcProvider(appUrl: string, port: number): Promise<{ close(): Promise<void> }> {
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // The claims in the ID token itself, as identity providers with a groups claim commonly send them.
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-oidc-cookie-key-e2e-oidc-cookie-key"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, login) {
      const person = OIDC_PEOPLE[login];
      if (!person) return undefined;
      return { accountId: login, claims: async () => ({ sub: login, email_verified: true, ...person }) };
    },
  });
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
