// `npm run emulator -- [--port 0] [--admin-port 0] [--seed demo|empty|FILE] [--state FILE]
//   [--scale servers=N,snapshots=M,images=K,regions=R[,allowUnrealistic]] [--limits PRESET|FILE.json] [--realistic-limits] [--host H]
//   [--snapshot-seconds S] [--image-seconds S] [--variant hostile|a,b] [--unshare-seconds S] [--ssh] [--disks DIR] [--sandbox bwrap|builtin|auto] [--quiet]`
// First stdout line: one JSON object {endpoint, accessKeyId, accessKeySecret, admin}.
import { startEmulator } from './index';
import type { EmulatorOptions } from './index';
import { resolveLimits } from './limits';
import { parseVariants } from './variants';
import { parseScale } from './seeds/scale';
import { parseSandboxChoice } from './machines/sandbox';

function parseArgs(argv: string[]): EmulatorOptions {
  const o: EmulatorOptions = { log: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const number = (): number => {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0) throw new Error(`${arg} needs a number ≥ 0`);
      return v;
    };
    switch (arg) {
      case '--port':
        o.port = number();
        break;
      case '--admin-port':
        o.adminPort = number();
        break;
      case '--host':
        o.host = value();
        break;
      case '--seed':
        o.seed = value();
        break;
      case '--state':
        o.statePath = value();
        break;
      case '--scale':
        o.scale = parseScale(value());
        break;
      case '--realistic-limits':
        o.limits = 'documented-2021';
        break;
      case '--limits':
        o.limits = resolveLimits(value());
        break;
      case '--snapshot-seconds':
        o.snapshotSeconds = number();
        break;
      case '--image-seconds':
        o.imageSeconds = number();
        break;
      case '--variant':
      case '--variants':
        o.variants = parseVariants(value());
        break;
      case '--unshare-seconds':
        o.unshareSeconds = number();
        break;
      case '--quiet':
        o.log = false;
        break;
      case '--ssh':
        o.ssh = true;
        break;
      case '--disks':
        o.disksDir = value();
        break;
      case '--sandbox':
        o.sandbox = parseSandboxChoice(value());
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return o;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const emu = await startEmulator(options);
  process.stdout.write(
    `${JSON.stringify({ endpoint: emu.endpoint, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, admin: emu.admin })}\n`,
  );
  console.log(`SWAS emulator listening on ${emu.endpoint} (admin ${emu.admin}); Ctrl-C to stop.`);
  console.log(
    emu.sandbox === 'bwrap'
      ? 'Server commands run in a bubblewrap sandbox (a real shell).'
      : 'Server commands run in the built-in shell (a small command set; see test/emulator/README.md).',
  );
  const shutdown = (): void => {
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(`emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
