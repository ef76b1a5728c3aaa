export * from './identity.ts';
export * from './workspaces.ts';
export * from './jobs.ts';
export * from './feedback.ts';
export * from './ingest.ts';
export * from './imports.ts';
