/**
 * Tests run every persistence test on PGlite, and also on PostgreSQL when DATABASE_URL is set
 * (CI sets it to the local server). A set but unreachable DATABASE_URL fails the run loudly.
 */
export const TEST_POSTGRES_URL = process.env.DATABASE_URL;
