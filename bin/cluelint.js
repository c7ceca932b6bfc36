#!/usr/bin/env node
import {compileCli} from './cli-script.js'

// `cluelint … | head`: a closed pipe ends the run quietly, as other Unix tools do. Any other
// failure to write the report (`> /dev/full`: ENOSPC) is one line and exit 2, not a lint failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  const reason = {ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EIO: 'input/output error', EFBIG: 'file too large'}[error.code]
  process.stderr.write(`cluelint: cannot write the report to standard output: ${reason ? `${reason} (${error.code})` : error.message}\n`)
  process.exit(2)
})

process.exitCode = await compileCli().main(process.argv)
