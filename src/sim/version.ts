/** The depinsim version stamped on every export (kept equal to package.json's by a test). */
export const VERSION = '0.28.0';
