import { startServer } from "../helpers/server";

/**
 * Starts the real production server on a fresh temporary demo database (never ./data/app.db)
 * and hands its URL to the tests via E2E_BASE_URL; the returned function stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer({ env: { APP_MODE: "demo" } });
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATABASE_PATH = server.databasePath;
  return async () => {
    await server.stop();
  };
}
