#!/usr/bin/env node
import {main} from '../dist/cli.js'

// `cluelint … | head`: a closed pipe ends the run quietly, as other Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await main(process.argv)
