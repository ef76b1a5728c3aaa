import { sql } from 'drizzle-orm';

/** jsonb array of uuids → uuid[] (one bound parameter whatever the count). */
export const uuidArray = (ids: readonly string[]) =>
  sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
