import {defineConfig} from 'tsup'

export default defineConfig({
  entry: {index: 'src/index.ts', cli: 'src/cli.ts'},
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: {entry: {index: 'src/index.ts'}},
  clean: true,
  sourcemap: false,
  splitting: true,
  // Dependencies stay external: npm installs them; JSON word lists are bundled.
})
