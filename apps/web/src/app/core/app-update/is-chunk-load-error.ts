/**
 * How each browser words a lazy chunk that did not arrive (no network and not yet cached, or a new
 * version deleted it): Chromium, Firefox, Safari, and the `ChunkLoadError` of other bundlers.
 */
const CHUNK_LOAD_FAILURE = /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|ChunkLoadError|Loading chunk [\w-]+ failed/i;

/** Whether a navigation failed because a screen's code could not be downloaded, rather than a bug. */
export function isChunkLoadError(error: unknown): boolean {
  if (error instanceof Error) return CHUNK_LOAD_FAILURE.test(error.name) || CHUNK_LOAD_FAILURE.test(error.message);
  return typeof error === 'string' && CHUNK_LOAD_FAILURE.test(error);
}
