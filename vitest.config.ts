import {defineConfig} from 'vitest/config'

// Many tests do real work: they spawn the built binary, lint hundreds of drafts or run npm.
// On a slow or shared machine that takes well over vitest's default 5 s; a hung test still fails.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
