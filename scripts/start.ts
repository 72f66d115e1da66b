/**
 * `npm start`: validate the configuration, migrate the database, seed the demo marketplace
 * when the database is empty, build the app when build/ is missing or stale, then serve.
 * docs/decisions/005-server-and-start.md explains why one command does all of this.
 */
import type { Env } from "~/modules/platform/env.server";

// Always the production build with production React and Remix, whatever the caller's shell
// says: development mode puts stack traces in error answers. Set before anything else is
// imported, because React picks its build when first loaded. Demo or live is APP_MODE's job.
if (process.env.NODE_ENV === "production" && !process.env.APP_MODE) {
  // NODE_ENV=production used to mean a live marketplace; now only APP_MODE=live does.
  console.log(
    "APP_MODE chưa đặt: chế độ demo / APP_MODE unset: demo mode (APP_MODE=live for real use)",
  );
}
process.env.NODE_ENV = "production";

const { ConfigError, getEnv } = await import("~/modules/platform/env.server");

function validatedEnv(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      console.error("Xem README.md, mục Cấu hình / see README.md, Configuration.");
      process.exit(1);
    }
    throw error;
  }
}

// Everything else is imported after the check: some modules read the configuration when loaded.
const env = validatedEnv();

const { openDatabase, migrateDatabase } = await import("~db/client.server");
const { seedDemoMarketplace } = await import("~db/seed/demo-marketplace.server");
const { DEMO_ACCOUNTS, DEMO_CSV_BUYER_PASSWORD } = await import("~db/seed/demo-accounts");
const { buildIfStale } = await import("../server/build");
const { startServer } = await import("../server/index");
const { users } = await import("~db/schema");
const { inArray } = await import("drizzle-orm");

const log = (message: string) => console.log(message);

const db = openDatabase(env.DATABASE_PATH);
migrateDatabase(db);
await seedDemoMarketplace(db, { today: new Date(), mode: env.APP_MODE, log });
// The periodic jobs (certificate expiry, order jobs, search indexer) start inside the server
// build: server/background-jobs.ts, called from app/entry.server.tsx.

// Only the demo accounts that really exist: a database seeded in live mode has none.
const existingEmails = new Set(
  env.APP_MODE === "demo"
    ? db
        .select({ email: users.email })
        .from(users)
        .where(
          inArray(
            users.email,
            DEMO_ACCOUNTS.map((account) => account.email),
          ),
        )
        .all()
        .map((row) => row.email)
    : [],
);
// The server opens its own handle (app/modules/platform/db.server.ts).
db.$client.close();

try {
  await buildIfStale(log);
} catch (error) {
  console.error(`Build thất bại / the build failed: ${(error as Error).message}`);
  process.exit(1);
}

let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer(env);
} catch (error) {
  const code = error instanceof Error && "code" in error ? error.code : null;
  if (code === "EADDRINUSE" || code === "EACCES") {
    console.error(
      `Không mở được cổng / cannot listen on ${env.HOST}:${env.PORT} (${code}): đặt PORT khác / set another PORT.`,
    );
    process.exit(1);
  }
  throw error;
}

log("");
log(`Cung Cầu đang chạy / is running: ${running.url}`);
if (env.PUBLIC_URL && env.PUBLIC_URL !== running.url) log(`PUBLIC_URL: ${env.PUBLIC_URL}`);
log(`Cơ sở dữ liệu / database: ${env.DATABASE_PATH} · chế độ / mode: ${env.APP_MODE}`);
const demoAccounts = DEMO_ACCOUNTS.filter((account) => existingEmails.has(account.email));
if (demoAccounts.length > 0) {
  log("");
  log("Tài khoản demo / demo accounts (đăng nhập bằng số điện thoại hoặc e-mail):");
  const width = Math.max(...demoAccounts.map((account) => account.roleVi.length));
  for (const account of demoAccounts) {
    log(
      `  ${account.roleVi.padEnd(width)}  ${account.phone}  ${account.email.padEnd(26)}  ${account.password}`,
    );
  }
  log(
    `  Người mua mẫu từ buyers.csv / CSV buyers  0900000201…0900000225  mật khẩu / password ${DEMO_CSV_BUYER_PASSWORD}`,
  );
}
log("");

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: đang dừng / shutting down…`);
  await running.close();
  // better-sqlite3 closes the server's database handle when the process exits.
  process.exit(0);
}
// `on`, not `once`: npm and tsx pass Ctrl-C on, so the signal may arrive twice.
process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("SIGINT", (signal) => void shutdown(signal));
