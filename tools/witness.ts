import { parseWitnessArguments, WitnessServer } from '@coalition/worker';

/** `npm run witness -- --log <verifier key> --name <name>`: a C2SP tlog-witness a member state runs. */
async function main(): Promise<void> {
  const options = { ...parseWitnessArguments(process.argv.slice(2)), log: (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`) };
  const server = new WitnessServer(options);
  const { url } = await server.start();
  process.stdout.write(`witness listening on ${url}\nverifier key: ${server.verifierKey}\nWITNESSES entry: ${url} ${server.verifierKey}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
