import { createHash } from "node:crypto";

/** What is stored of a bearer secret (a session cookie, an intake token): its sha256, so a leaked table leaks no live secret. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
