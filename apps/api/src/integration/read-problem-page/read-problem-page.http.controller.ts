import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator';
import { codeOfSlug, PROBLEM_CATALOG, problemSlug } from '../../common/http/problem-catalog';
import { problem, ProblemException, TITLES } from '../../common/http/problem';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
/** `code` spans in the catalogue's sentences, for a reader. */
const prose = (text: string): string => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/** The page each problem's `type` URI names, so that an integrator who follows it learns what the code means. */
@ApiTags('operations')
@Controller('problems')
export class ReadProblemPageController {
  @Get(':code')
  @ApiOperation({
    operationId: 'getProblemPage',
    summary: 'Describe a problem code',
    description: 'The page a problem\'s `type` URI points at: what the code means and what to do about it. `code` is the problem\'s `code` in upper or lower case, with `_` or `-`.',
  })
  @ApiParam({ name: 'code', example: 'insufficient-pledge', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } })
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  @ApiOkResponse({ description: 'A short HTML page about the code', content: { 'text/html': { schema: { type: 'string' } } } })
  read(@Param('code') slug: string): string {
    const code = codeOfSlug(slug);
    const entry = /^[A-Z0-9_]{1,64}$/.test(code) ? PROBLEM_CATALOG[code] : undefined;
    if (!entry) throw new ProblemException(problem(404, 'NOT_FOUND', `No problem code ${slug.slice(0, 64)}`));
    const title = `${code}: ${entry.status} ${TITLES[entry.status] ?? ''}`.trim();
    return [
      '<!doctype html>',
      `<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>`,
      `<h1><code>${escape(code)}</code></h1>`,
      `<p>HTTP ${entry.status} ${escape(TITLES[entry.status] ?? '')}. Problem type <code>/api/v1/problems/${problemSlug(code)}</code>.</p>`,
      `<p>${prose(entry.meaning)}</p>`,
      `<p><strong>What to do:</strong> ${prose(entry.remedy)}</p>`,
      '<p>Every error of the Coalition API is an RFC 9457 problem (<code>application/problem+json</code>); see <a href="/docs">/docs</a>.</p>',
      '</body></html>',
      '',
    ].join('\n');
  }
}
