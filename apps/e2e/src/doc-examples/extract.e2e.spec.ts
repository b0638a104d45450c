import { extractExamples, showsExpected } from './extract';

describe('documentation examples', () => {
  const markdown = [
    'Intro', '```bash', 'curl -s a', '# -> {"id":"WA","version":1}', 'curl -s b', '# -> [{"code":"WA",...},', '#     {"code":"OR"}]', 'echo tail', '```',
    '```json', '{"not":"shell"}', '```',
    '```bash', '# doc-test: skip (production only)', 'pg_dump x', '```',
  ].join('\n');

  it('finds shell blocks, their steps and expected outputs, and honours the skip annotation', () => {
    const [first, skipped, ...rest] = extractExamples('X.md', markdown);
    expect(rest).toEqual([]);
    expect(first).toEqual({
      file: 'X.md', line: 2,
      steps: [
        { script: 'curl -s a', expected: '{"id":"WA","version":1}' },
        { script: 'curl -s b', expected: '[{"code":"WA",...},…{"code":"OR"}]' },
        { script: 'echo tail' },
      ],
    });
    expect(skipped).toMatchObject({ line: 13, skip: 'production only' });
  });

  it('matches outputs by their literal parts in order, with … ... and <placeholders> as wildcards', () => {
    expect(showsExpected('{"id":"WA","version":1,"position":2}', '{"id":"WA","version":1,"position":2}')).toBe(true);
    expect(showsExpected('{"id":"WA","version":3,"position":2}', '{"id":"WA","version":1,"position":2}')).toBe(false);
    expect(showsExpected('{"status":"active","x":1,"members":[]}', '{..."status":"active",...}')).toBe(true);
    expect(showsExpected('{"status":"admitted"}', '{..."status":"active",...}')).toBe(false);
    expect(showsExpected('{"id":"p1","status":"passed","tally":{}}', '{"status":"passed","tally":{}}')).toBe(true);
    expect(showsExpected('{"code":"PROPOSAL_STILL_OPEN","status":409}', '409 {"code":"PROPOSAL_STILL_OPEN",...}: before closesAt, it waits')).toBe(true);
    expect(showsExpected('{"id":"abc-1","effectiveAt":"2027"}', '{"id":"<compact>","effectiveAt":"<30 days from now>"}')).toBe(true);
  });
});
