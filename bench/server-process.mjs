// The service under load for bench/server.bench.mjs, in a process of its own
// (so autocannon never shares its event loop): `startServer` from
// @links-approach/server as `links serve --dev-auth` runs it, on 127.0.0.1,
// with rate limiting off (the benchmark is one user sending thousands of
// requests a second). Prints `Links service listening on URL` like the command.
//
//   node --conditions=@links-approach/source --import tsx bench/server-process.mjs <port> [--database-url URL | --data-dir DIR]
import { startServer } from '@links-approach/server';

const [port, flag, value] = process.argv.slice(2);
const database =
  flag === '--database-url'
    ? { databaseUrl: value, poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10) }
    : { dataDir: value };
const server = await startServer({
  host: '127.0.0.1',
  port: Number(port),
  database,
  devAuth: true,
  rateLimit: false,
  logger: false,
});
console.log(`Links service listening on ${server.url}`);
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
