// fast-json-patch's module code is not side-effect free, so bundlers keep all of it wherever it is
// imported. Reaching it only through this module (built as its own chunk of this side-effect-free
// package) lets a bundle that never calls diffPatch drop the library entirely.
export { compare, unescapePathComponent } from 'fast-json-patch/index.mjs'
