// Times dockerfile-utils' validate() (the linter behind VS Code's Docker extension) on the files named on the
// command line: the best of N runs per file, in microseconds, one "path<TAB>us" line each. Run by the benchmark's
// --driver mode beside the package's own figures, in the same run on the same files.
const fs = require('fs');
const { validate } = require('dockerfile-utils');

const runs = parseInt(process.env.RUNS || '20', 10);
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  validate(text); // warm the JIT on this file's paths once
  let best = Number.MAX_VALUE;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    validate(text);
    const elapsed = Number(process.hrtime.bigint() - start) / 1000;
    if (elapsed < best) best = elapsed;
  }
  process.stdout.write(`${file}\t${best.toFixed(1)}\n`);
}
