// Who calls a function in a .cpuprofile: inclusive stacks leading to frames whose name matches.
// node bench/tools/callers.js <file.cpuprofile> <functionName> [depth]
const fs = require('node:fs');
const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const name = process.argv[3];
const depth = Number(process.argv[4] ?? 6);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const inclusive = (id) => (self.get(id) ?? 0) + (byId.get(id).children ?? []).reduce((sum, c) => sum + inclusive(c), 0);
const stacks = new Map();
for (const n of profile.nodes) {
  if (n.callFrame.functionName !== name) continue;
  const chain = [];
  for (let p = parent.get(n.id), d = 0; p !== undefined && d < depth; p = parent.get(p), d++) {
    const f = byId.get(p).callFrame;
    chain.push(`${f.functionName || '(anon)'}@${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${f.lineNumber + 1}`);
  }
  const key = chain.join(' <- ');
  stacks.set(key, (stacks.get(key) ?? 0) + inclusive(n.id));
}
[...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8).forEach(([k, us]) => console.log(`${((100 * us) / total).toFixed(1)}%  ${k}\n`));
