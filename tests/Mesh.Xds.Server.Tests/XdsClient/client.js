// Drives gRPC's own xDS client (@grpc/grpc-js-xds) for the ADS server tests.
//   node client.js <echo.proto> <xds:///target>
// The bootstrap comes from GRPC_XDS_BOOTSTRAP (written by the test). Commands arrive as JSON lines on stdin; each is
// answered with one JSON line on stdout:
//   {"cmd":"calls","count":N,"headers":{...},"delayMs":D,"deadlineMs":T}
//     -> {"ok":true,"backends":{"v1":n,...},"errors":{"DEADLINE_EXCEEDED":n,...}}
//   {"cmd":"exit"} -> the process ends.
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const readline = require('readline');
require('@grpc/grpc-js-xds').register();

const [protoPath, target] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoPath, { keepCase: true });
const Echo = grpc.loadPackageDefinition(definition).mesh.test.Echo;
const client = new Echo(target, grpc.credentials.createInsecure());
const statusNames = Object.fromEntries(Object.entries(grpc.status).map(([name, code]) => [code, name]));

function call(headers, delayMs, deadlineMs) {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(headers || {})) metadata.set(key, value);
  return new Promise((resolve) => {
    client.Call({ text: 'hi', delay_ms: delayMs || 0 }, metadata, { deadline: Date.now() + (deadlineMs || 10000) }, (error, reply) => {
      resolve(error ? { error: statusNames[error.code] || String(error.code) } : { backend: reply.backend });
    });
  });
}

async function calls(command) {
  const backends = {};
  const errors = {};
  // A few at a time: enough to be quick, few enough that a timing test is not disturbed by its own load.
  const parallel = 8;
  let left = command.count;
  async function worker() {
    while (left > 0) {
      left--;
      const result = await call(command.headers, command.delayMs, command.deadlineMs);
      if (result.error) errors[result.error] = (errors[result.error] || 0) + 1;
      else backends[result.backend] = (backends[result.backend] || 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return { ok: true, backends, errors };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  let command;
  try {
    command = JSON.parse(line);
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, error: 'bad command: ' + e.message }) + '\n');
    return;
  }
  if (command.cmd === 'exit') {
    client.close();
    process.exit(0);
  }
  if (command.cmd === 'calls') {
    process.stdout.write(JSON.stringify(await calls(command)) + '\n');
    return;
  }
  process.stdout.write(JSON.stringify({ ok: false, error: 'unknown command ' + command.cmd }) + '\n');
});
lines.on('close', () => process.exit(0));
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
