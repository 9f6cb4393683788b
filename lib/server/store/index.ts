/**
 * The process's result store: PostgreSQL when DATABASE_URL is set (results shared by every replica), else SQLite
 * under DATA_DIR (one machine, today's default). Kept on globalThis so route modules and dev reloads share it.
 */
import type { ResultStore } from './backend';
import { postgresStore } from './pg-store';
import { sqliteStore } from './sqlite-store';

type Holder = { __strixResultStore?: { store: ResultStore; url: string } };
const holder = globalThis as typeof globalThis & Holder;

export function resultStore(): ResultStore {
  const url = process.env.DATABASE_URL ?? '';
  if (holder.__strixResultStore?.url === url) return holder.__strixResultStore.store;
  // A changed DATABASE_URL (tests switch it) gets a store of its own; the old one is closed in the background.
  void holder.__strixResultStore?.store.close();
  const store = url ? postgresStore(url) : sqliteStore();
  holder.__strixResultStore = { store, url };
  return store;
}

/** Closes the store (tests play a restart; scripts that must exit). The next call opens it again. */
export async function closeResultStore(): Promise<void> {
  const current = holder.__strixResultStore;
  holder.__strixResultStore = undefined;
  await current?.store.close();
}
