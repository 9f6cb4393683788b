/**
 * PostgreSQL migrations, applied in this order, each once (migrate.ts records them in schema_migrations). A new
 * schema change is a new file appended here; an applied file is never edited. Modules rather than .sql files so
 * the server bundle carries them without reading the source tree at run time.
 */
import * as results from './001-results';

export const MIGRATIONS: { version: string; sql: string }[] = [results];
