/** The Nest token of the file settings (FILE_STORAGE, FILE_MAX_BYTES) read at boot. */
export const FILE_SETTINGS = Symbol('FileSettings');
