// Summarises a .cpuprofile (node --cpu-prof): self time by function and by package.
// node bench/tools/top-functions.js <file.cpuprofile> [rows]
const fs = require('node:fs');
const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const rows = Number(process.argv[3] ?? 30);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map();
const pkg = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = byId.get(id);
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|bench)\//, '$1/');
  const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const p = f.url.includes('node_modules/') ? f.url.split('node_modules/')[1].split('/').slice(0, f.url.split('node_modules/')[1].startsWith('@') ? 2 : 1).join('/') : f.url.startsWith('node:') ? 'node:' + f.url.slice(5).split('/')[0] : f.url ? (f.url.includes('/dist/') ? 'dist' : f.url) : f.functionName;
  pkg.set(p, (pkg.get(p) ?? 0) + us);
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, us]) => console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`));
console.log(`total ${(total / 1e6).toFixed(2)} s sampled\n-- by package`);
show(pkg, 15);
console.log('-- by function (self)');
show(fn, rows);
