#!/usr/bin/env node
// `npx coalition …`: the built CLI (dist/tools/cli/main.js), with the @coalition/* aliases resolved.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'tools', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('coalition: not built yet; run `npm run build` first\n');
  process.exit(2);
}
require('../tools/register-aliases.js');
require(main).main(process.argv);
