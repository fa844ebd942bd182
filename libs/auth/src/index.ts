export * from './authenticated-user.js';
export * from './auth.module.js';
export * from './decorators.js';
export * from './jwt-auth.guard.js';
export * from './jwt-verifier.js';
export * from './development-token.js';
