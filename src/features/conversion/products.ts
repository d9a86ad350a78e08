import { asc } from "drizzle-orm";
import { PG_UNIQUE_VIOLATION, pgErrorCode, type Db } from "../../db/connect.js";
import { products } from "../../db/schema.js";
import { mayManageProducts, type Actor } from "../../server/access/index.js";
import { appError } from "../../server/errors.js";

const columns = { id: products.id, name: products.name, sku: products.sku, active: products.active };

/** The catalogue orders draw from; everyone signed in reads it, the head and back office keep it. */
export async function listProducts(db: Db) {
  return db.select(columns).from(products).orderBy(asc(products.name));
}

export async function createProduct(db: Db, actor: Actor, input: { name: string; sku?: string }) {
  if (!mayManageProducts(actor)) throw appError("forbidden");
  try {
    const [row] = await db.insert(products).values({ name: input.name.trim(), sku: input.sku?.trim() || null }).returning(columns);
    return row!;
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw appError("product_exists");
    throw error;
  }
}
