import { eq, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared";
import { users } from "../../db/schema";
import { dummyPasswordHash, verifyPassword } from "../auth/password.server";

const byUsername = prepared((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.username, sql.placeholder("username")))
    .prepare(),
);

export function getUserByUsername(username: string) {
  return byUsername().get({ username: username.trim().toLowerCase() });
}

/**
 * The user when the password is right; null otherwise, with the same work done either way. A pending
 * roster account (not claimed yet) is checked against the dummy hash like an unknown name: refused as
 * a wrong password is, in the same time.
 */
export async function verifyLogin({ username, password }: { username: string; password: string }) {
  const found = getUserByUsername(username);
  const user = found && !found.pending ? found : undefined;
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  return user && ok ? { id: user.id, username: user.username, displayName: user.displayName } : null;
}
