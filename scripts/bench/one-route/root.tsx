import type { MetaFunction } from "@remix-run/node";
import { Links, Meta, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import Database from "better-sqlite3";

interface ListingRow {
  title: string;
  slug: string;
  priceVnd: number;
  unit: string;
}

const databasePath = process.env.DATABASE_PATH;
if (!databasePath) throw new Error("DATABASE_PATH must name the seeded demo database");

// Prepared once per process, as any app that cares would do it.
const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
const firstPublished = sqlite.prepare<[], ListingRow>(
  `select title, slug, price_vnd as priceVnd, unit from listings
    where status = 'published' order by id limit 1`,
);
const vnd = new Intl.NumberFormat("vi-VN");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} | Cung Cầu` : "Cung Cầu" },
];

/** The one SQLite query of the page. */
export function loader(): ListingRow {
  const listing = firstPublished.get();
  if (!listing) throw new Response("Không có sản phẩm", { status: 404 });
  return listing;
}

/** The whole document: one route is both the root and the page. */
export default function OneRoute() {
  const listing = useLoaderData<typeof loader>();
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <main>
          <h1>{listing.title}</h1>
          <p>
            {vnd.format(listing.priceVnd)} đ / {listing.unit}
          </p>
          <a href={`/san-pham/${listing.slug}`}>Xem sản phẩm</a>
        </main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
