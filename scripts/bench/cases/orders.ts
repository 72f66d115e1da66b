import { sql } from "drizzle-orm";
import { postOrder, prepareApiBuyer, stockOf } from "../../../tests/helpers/api-orders";
import { startServer } from "../../../tests/helpers/server";
import type { BenchCase } from "../types";

const CLIENTS = Number(process.env.ORDERS_BENCH_CLIENTS ?? 20) || 20;
const DURATION_MS = (Number(process.env.ORDERS_BENCH_SECONDS ?? 20) || 20) * 1000;
const WARMUP_MS = 2000;
const RESTOCK_BELOW = 500;
const RESTOCK_TO = 2000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/**
 * Orders per second through POST /api/v1/orders on the real server (npm start's server on a
 * temporary database): 20 concurrent clients, each placing one-line orders back to back, with
 * another process restocking the listing so nearly all succeed; afterwards, no stock may be
 * negative.
 */
export const ordersCase: BenchCase = {
  name: "orders",
  description: "POST /api/v1/orders, 20 concurrent clients with restocking: successes/s and p95",
  async run() {
    const server = await startServer({ env: { LOG_LEVEL: "warn" } });
    const buyer = prepareApiBuyer(server.databasePath, { sku: "SP0001", stock: RESTOCK_TO });
    let restocks = 0;
    const restocker = setInterval(() => {
      // A separate writer on the same file, as a producer editing stock would be.
      const changed = buyer.db.$client
        .prepare("UPDATE listings SET stock = ? WHERE id = ? AND stock < ?")
        .run(RESTOCK_TO, buyer.listingId, RESTOCK_BELOW).changes;
      restocks += changed;
    }, 100);
    try {
      const latencies: number[] = [];
      const statuses: Record<number, number> = {};
      let measuring = false;
      const started = Date.now();
      const stopAt = started + WARMUP_MS + DURATION_MS;
      let measureStart = 0;
      setTimeout(() => {
        measuring = true;
        measureStart = Date.now();
      }, WARMUP_MS);
      const client = async () => {
        while (Date.now() < stopAt) {
          const t0 = performance.now();
          const response = await postOrder(server.url, buyer.token, buyer.sku);
          await response.arrayBuffer();
          const ms = performance.now() - t0;
          if (!measuring) continue;
          latencies.push(ms);
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      const seconds = (Date.now() - measureStart) / 1000;
      latencies.sort((a, b) => a - b);
      const total = latencies.length;
      const ok = statuses[201] ?? 0;
      const serverErrors = Object.entries(statuses)
        .filter(([status]) => Number(status) >= 500)
        .reduce((sum, [, n]) => sum + n, 0);
      const negative =
        buyer.db
          .select({ n: sql<number>`count(*)` })
          .from(sql`listings`)
          .where(sql`stock < 0`)
          .get()?.n ?? Number.NaN;
      return {
        rows: [
          {
            clients: CLIENTS,
            seconds: Math.round(seconds * 10) / 10,
            requests: total,
            "successes/s": Math.round((ok / seconds) * 10) / 10,
            "success %": Math.round((ok / Math.max(1, total)) * 1000) / 10,
            "p50 (ms)": Math.round(percentile(latencies, 50) * 10) / 10,
            "p95 (ms)": Math.round(percentile(latencies, 95) * 10) / 10,
            "5xx": serverErrors,
            restocks,
            "final stock": stockOf(buyer.db, buyer.listingId),
            "negative stock rows": negative,
          },
        ],
        targets: [
          { column: "successes/s", op: ">=", value: 200 },
          { column: "success %", op: ">=", value: 95 },
          { column: "5xx", op: "<=", value: 0 },
          { column: "negative stock rows", op: "<=", value: 0 },
        ],
      };
    } finally {
      clearInterval(restocker);
      buyer.db.$client.close();
      await server.stop();
    }
  },
};
