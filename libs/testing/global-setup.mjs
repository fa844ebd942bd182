// Jest loads global setup outside its module transform, so it runs the compiled harness
// (`npm test` builds first).
export { default } from '../../dist/libs/testing/src/global-setup.js';
