import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

test('links serve --help documents every option and environment variable', async () => {
  const io = memoryIo({});
  assert.equal(await run(['serve', '--help'], io), 0);
  for (const option of [
    '--port',
    '--host',
    '--data-dir',
    '--database-url',
    '--dev-auth',
    '--allow-origin',
    '--config',
    '--oidc-issuer',
    '--oidc-audience',
    '--oidc-role-map',
    '--oidc-practice-claim',
    '--rate-limit',
  ]) {
    assert.ok(io.out.includes(option), `help lacks ${option}`);
  }
  for (const variable of ['DATABASE_URL', 'PORT', 'LINKS_DATA_DIR', 'LINKS_OIDC_ISSUER', 'LINKS_ALLOW_ORIGIN'])
    assert.ok(io.out.includes(variable), `help lacks ${variable}`);
});

test('links serve without a sign-in, or with --dev-auth on a network address, is a usage error that says why', async () => {
  const none = memoryIo({});
  assert.equal(await run(['serve', '--json'], none), 2);
  assert.match(JSON.parse(none.out).errors[0].message, /choose a sign-in/);
  const exposed = memoryIo({});
  assert.equal(await run(['serve', '--dev-auth', '--host', '0.0.0.0', '--json'], exposed), 2);
  assert.match(JSON.parse(exposed.out).errors[0].message, /only listens on this machine/);
  const badPort = memoryIo({});
  assert.equal(await run(['serve', '--dev-auth', '--port', 'eighty', '--json'], badPort), 2);
  assert.equal(JSON.parse(badPort.out).errors[0].path, '--port');
});
