// fast-json-patch ships CommonJS as its main entry; its ES module build (index.mjs) has no .d.mts beside it.
declare module 'fast-json-patch/index.mjs' {
  export * from 'fast-json-patch'
}
