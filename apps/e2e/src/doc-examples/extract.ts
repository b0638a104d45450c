/**
 * Shell examples in the documentation, as tests: every fenced `bash`/`sh` block is a script, and
 * each `# -> <output>` line (with `#    ` continuation lines) states what the command before it
 * prints. A block whose first line is `# doc-test: skip (<why>)` is not run (production-only
 * commands, say); the reason is required.
 */
export interface Step {
  /** The commands since the previous expectation. */
  script: string;
  /** What they print, as the documentation shows it; `…`, `...`, `<placeholder>` and a line break stand for anything. */
  expected?: string;
}

export interface Example {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  steps: Step[];
  skip?: string;
}

const FENCE = /^```(\w+)?\s*$/;
const SKIP = /^#\s*doc-test:\s*skip\s*\((.+)\)\s*$/;

export function extractExamples(file: string, markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    if (open[1] !== 'bash' && open[1] !== 'sh') continue;
    const skip = SKIP.exec(body.find((l) => l.trim() !== '') ?? '')?.[1];
    examples.push({ file, line: start + 1, steps: stepsOf(body), ...(skip ? { skip } : {}) });
  }
  return examples;
}

function stepsOf(body: string[]): Step[] {
  const steps: Step[] = [];
  let script: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const arrow = /^\s*#\s*->\s?(.*)$/.exec(body[i]);
    if (!arrow) {
      script.push(body[i]);
      continue;
    }
    const expected = [arrow[1]];
    while (i + 1 < body.length && /^\s*#\s{3,}\S/.test(body[i + 1])) expected.push(body[++i].replace(/^\s*#\s+/, ''));
    // A wrapped expectation may leave fields out where it breaks: the break stands for anything.
    steps.push({ script: script.join('\n'), expected: expected.join('…') });
    script = [];
  }
  if (script.some((l) => l.trim() !== '')) steps.push({ script: script.join('\n') });
  return steps;
}

/**
 * Whether `output` shows what `expected` says: the literal parts between the wildcards (`…`,
 * `...`, `<placeholder>`) appear in it, in order. A trailing explanation after `: ` in prose
 * (`409 {...}: before closesAt, …`) is not part of the output and is ignored.
 */
export function showsExpected(output: string, expected: string): boolean {
  // `{"status":"passed",...}` in the documentation reads "an object with": its first field need not come first.
  const shown = expected.replace(/^(\d{3}) /, '').replace(/\}:\s.*$/, '}').replace(/^\{(?=")/, '{…');
  const parts = shown.split(/…|\.\.\.|<[^>]*>/).map((p) => p.trim()).filter(Boolean);
  let from = 0;
  for (const part of parts) {
    const at = output.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
