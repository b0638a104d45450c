import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Which problems each route of the api can answer, read from the code instead of written by
 * hand: starting at every controller method, it follows the calls into our own functions and
 * methods (and from `new XCommand(...)` into X's @CommandHandler), and collects
 *  - `throw new E(...)` of a DomainError subclass: E's `code`, and its kind (conflict, not-found, ...),
 *    or of one of Nest's http exceptions;
 *  - `problem(<status>, '<CODE>', ...)` with literal arguments (our own http problems);
 *  - `type: 'X'` where X is a command of a decider: everything that decider can throw for X,
 *    found the same way from the decider's `decide` (its `if (command.type === ...)` and `switch`).
 * The result is written to apps/api/src/common/openapi/route-problems.generated.ts, which the
 * OpenAPI document reads; a test fails when that file and the code differ.
 */

const ROOT = join(__dirname, __dirname.endsWith(join('dist', 'tools')) ? '../..' : '..');
const ROUTE_PROBLEMS_FILE = join(ROOT, 'apps/api/src/common/openapi/route-problems.generated.ts');

export type ProblemKind = 'conflict' | 'not-found' | 'forbidden' | 'invalid';
/** A problem a route can answer: a domain error's kind and code, or an http status and code. */
export type DerivedProblem = { kind: ProblemKind; code: string } | { status: number; code: string };

const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
const KINDS: Record<string, ProblemKind> = { ConflictError: 'conflict', NotFoundError: 'not-found', ForbiddenError: 'forbidden', InvalidError: 'invalid' };
/** Nest's own exceptions, as the api's problem filter answers them. */
const NEST_EXCEPTIONS: Record<string, DerivedProblem> = {
  BadRequestException: { status: 400, code: 'VALIDATION_FAILED' },
  UnauthorizedException: { status: 401, code: 'UNAUTHENTICATED' },
  ForbiddenException: { status: 403, code: 'FORBIDDEN' },
  NotFoundException: { status: 404, code: 'NOT_FOUND' },
};

class Analysis {
  private readonly checker: ts.TypeChecker;
  private readonly reached = new Map<ts.Node, Set<string>>();
  private readonly handlers = new Map<ts.Symbol, ts.MethodDeclaration>();
  private commandProblems = new Map<string, Set<string>>();

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  /** Every route: `Controller.method` → its problems, as JSON strings (for sets). */
  routes(): Map<string, Set<string>> {
    const files = this.program.getSourceFiles().filter((file) => this.isOurs(file));
    for (const file of files) this.collectHandlers(file);
    this.commandProblems = this.deciders(files);
    const routes = new Map<string, Set<string>>();
    for (const file of files.filter((f) => f.fileName.includes('/apps/api/src/'))) {
      for (const klass of file.statements.filter(ts.isClassDeclaration)) {
        for (const method of klass.members.filter(ts.isMethodDeclaration)) {
          if (!decoratorNames(method).some((name) => ROUTE_DECORATORS.has(name))) continue;
          routes.set(`${klass.name?.text}.${method.name.getText()}`, this.reach(method));
        }
      }
    }
    return routes;
  }

  private isOurs(file: ts.SourceFile): boolean {
    return !file.isDeclarationFile && /\/(apps\/api|libs\/(?:platform|event-store|read-side|worker)|libs\/domain)\/src\//.test(file.fileName) && !/\.spec\.ts$|\/testing\//.test(file.fileName);
  }

  /** `@CommandHandler(XCommand) class … { execute() }`: X's symbol → that execute. */
  private collectHandlers(file: ts.SourceFile): void {
    for (const klass of file.statements.filter(ts.isClassDeclaration)) {
      for (const decorator of ts.getDecorators(klass) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText() !== 'CommandHandler' || !call.arguments[0]) continue;
        const execute = klass.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === 'execute');
        const symbol = this.symbolOf(call.arguments[0]);
        if (execute && symbol) this.handlers.set(symbol, execute);
      }
    }
  }

  /** Each decider's commands → what its `decide` can throw for them. */
  private deciders(files: ts.SourceFile[]): Map<string, Set<string>> {
    const byCommand = new Map<string, Set<string>>();
    for (const file of files.filter((f) => f.fileName.endsWith('.decide.ts'))) {
      for (const statement of file.statements.filter(ts.isVariableStatement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (!declaration.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) continue;
          const decide = declaration.initializer.properties.find((p) => p.name?.getText() === 'decide');
          const target = decide && ts.isPropertyAssignment(decide) ? this.declarationOf(decide.initializer) : undefined;
          if (target && ts.isFunctionDeclaration(target) && target.body) this.decide(target.body, byCommand);
        }
      }
    }
    return byCommand;
  }

  /** Statements before a command's branch apply to it too (a common "the compact must exist"). */
  private decide(body: ts.Block, byCommand: Map<string, Set<string>>): void {
    const common = new Set<string>();
    const add = (types: string[], found: Set<string>) => {
      for (const type of types) byCommand.set(type, new Set([...(byCommand.get(type) ?? []), ...common, ...found]));
    };
    for (const statement of body.statements) {
      const type = ts.isIfStatement(statement) ? commandTypeTested(statement.expression) : undefined;
      if (ts.isIfStatement(statement) && type) add([type], this.reach(statement.thenStatement));
      else if (ts.isSwitchStatement(statement) && statement.expression.getText().endsWith('.type')) {
        let types: string[] = [];
        for (const clause of statement.caseBlock.clauses) {
          if (ts.isCaseClause(clause) && ts.isStringLiteral(clause.expression)) types.push(clause.expression.text);
          if (clause.statements.length === 0) continue;
          add(types, this.reach(clause));
          types = [];
        }
      } else for (const found of this.reach(statement)) common.add(found);
    }
  }

  /** Everything `node` can throw, following calls into our own code. */
  private reach(node: ts.Node): Set<string> {
    const known = this.reached.get(node);
    if (known) return known;
    const found = new Set<string>();
    this.reached.set(node, found); // before descending: recursion ends here
    const visit = (child: ts.Node): void => {
      if (ts.isThrowStatement(child) && child.expression && ts.isNewExpression(child.expression)) {
        const thrown = this.domainError(child.expression.expression) ?? NEST_EXCEPTIONS[child.expression.expression.getText()];
        if (thrown) found.add(JSON.stringify(thrown));
      }
      if (ts.isCallExpression(child) && child.expression.getText() === 'problem') {
        const [status, code] = child.arguments;
        if (status && code && ts.isNumericLiteral(status) && ts.isStringLiteral(code)) found.add(JSON.stringify({ status: Number(status.text), code: code.text }));
      }
      if (ts.isPropertyAssignment(child) && child.name.getText() === 'type' && ts.isStringLiteral(child.initializer)) {
        for (const problem of this.commandProblems.get(child.initializer.text) ?? []) found.add(problem);
      }
      if (ts.isNewExpression(child)) {
        const symbol = this.symbolOf(child.expression);
        const handler = symbol && this.handlers.get(symbol);
        if (handler) for (const problem of this.reach(handler)) found.add(problem);
      }
      if (ts.isCallExpression(child)) {
        const target = this.declarationOf(child.expression);
        const body = target && (ts.isFunctionDeclaration(target) || ts.isMethodDeclaration(target) || ts.isArrowFunction(target)) ? target.body : undefined;
        if (body && this.isOurs(body.getSourceFile())) for (const problem of this.reach(body)) found.add(problem);
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    return found;
  }

  /** A DomainError subclass's code and kind, read from its class and its ancestors. */
  private domainError(expression: ts.Expression): DerivedProblem | undefined {
    let klass = this.declarationOf(expression);
    let code: string | undefined;
    while (klass && ts.isClassDeclaration(klass)) {
      const own = klass.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && m.name.getText() === 'code');
      if (!code && own?.initializer && ts.isStringLiteral(own.initializer)) code = own.initializer.text;
      const base = klass.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      if (!base) return undefined;
      const kind = KINDS[base.getText()];
      if (kind && code) return { kind, code };
      klass = this.declarationOf(base);
    }
    return undefined;
  }

  private symbolOf(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  private declarationOf(node: ts.Node): ts.Declaration | undefined {
    const declaration = this.symbolOf(node)?.declarations?.[0];
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isArrowFunction(declaration.initializer)) return declaration.initializer;
    return declaration;
  }
}

function decoratorNames(node: ts.HasDecorators): string[] {
  return (ts.getDecorators(node) ?? []).map((d) => (ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText()));
}

/** `command.type === 'X'` → X. */
function commandTypeTested(condition: ts.Expression): string | undefined {
  if (!ts.isBinaryExpression(condition) || condition.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) return undefined;
  return condition.left.getText().endsWith('.type') && ts.isStringLiteral(condition.right) ? condition.right.text : undefined;
}

/** The problems of every route, read from the api's sources. */
function deriveRouteProblems(): Record<string, DerivedProblem[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('cannot read tsconfig.build.json');
  const routes = new Analysis(ts.createProgram(config.fileNames, config.options)).routes();
  const byCode = (a: DerivedProblem, b: DerivedProblem) => a.code.localeCompare(b.code) || JSON.stringify(a).localeCompare(JSON.stringify(b));
  return Object.fromEntries(
    [...routes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([route, found]) => [route, [...found].map((p) => JSON.parse(p) as DerivedProblem).sort(byCode)]),
  );
}

/** The generated module's text. */
function routeProblemsModule(problems: Record<string, DerivedProblem[]>): string {
  const lines = Object.entries(problems).map(([route, found]) => `  '${route}': [${found.map((p) => JSON.stringify(p).replace(/"(\w+)":/g, '$1: ').replace(/"/g, "'").replace(/,/g, ', ')).join(', ')}],`);
  return `// Generated by ${relative(ROOT, join(ROOT, 'tools/derive-route-problems.ts'))} from the api's code: do not edit (npm run api-client:generate).
// The problems each route's own code can answer, by controller method; see that tool for how.
import type { RouteProblem } from './route-problem';

export const ROUTE_PROBLEMS: Record<string, RouteProblem[]> = {
${lines.join('\n')}
};
`;
}

/** Writes the generated module; `--json` prints it and the derived problems instead (the tests read them). */
if (require.main === module) {
  const problems = deriveRouteProblems();
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ problems, module: routeProblemsModule(problems) }));
  else {
    writeFileSync(ROUTE_PROBLEMS_FILE, routeProblemsModule(problems));
    process.stdout.write(`wrote ${ROUTE_PROBLEMS_FILE}\n`);
  }
}
