// Each emulated server has a real folder that stands for its disks: its root file system minus
// the host's read-only system directories (a shell runs over it in a sandbox, see sandbox.ts).
// Snapshots copy that folder, a custom image copies its system snapshot's copy, and ResetSystem
// puts an image's copy back (without the old SSH host keys: a reinstalled server makes new ones),
// so the whole image workflow can be observed with real files.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

function safe(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`not a resource id: ${JSON.stringify(id)}`);
  return id;
}

/** What a fresh server's disk holds: a root home with an empty .ssh, and a minimal /etc. */
function layout(dir: string, hostName: string): void {
  mkdirSync(join(dir, 'root', '.ssh'), { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, 'etc', 'ssh'), { recursive: true });
  mkdirSync(join(dir, 'home'), { recursive: true });
  if (!existsSync(join(dir, 'etc', 'passwd'))) writeFileSync(join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  if (!existsSync(join(dir, 'etc', 'group'))) writeFileSync(join(dir, 'etc', 'group'), 'root:x:0:\n');
  writeFileSync(join(dir, 'etc', 'hostname'), `${hostName}\n`);
}

export class DiskFolders {
  private constructor(
    readonly base: string,
    private readonly owned: boolean,
  ) {}

  /** Folders under `base`, or under a new temporary folder removed by dispose(). */
  static at(base: string | undefined): DiskFolders {
    if (base) {
      mkdirSync(base, { recursive: true });
      return new DiskFolders(resolve(base), false);
    }
    return new DiskFolders(mkdtempSync(join(tmpdir(), 'swas-emulator-disks-')), true);
  }

  server(instanceId: string, hostName = instanceId): string {
    const dir = join(this.base, 'servers', safe(instanceId));
    if (!existsSync(join(dir, 'root'))) layout(dir, hostName);
    return dir;
  }

  private snapshotDir(snapshotId: string): string {
    return join(this.base, 'snapshots', safe(snapshotId));
  }
  private imageDir(imageId: string): string {
    return join(this.base, 'images', safe(imageId));
  }

  snapshot(instanceId: string, snapshotId: string): void {
    cpSync(this.server(instanceId), this.snapshotDir(snapshotId), { recursive: true, verbatimSymlinks: true });
  }

  imageFromSnapshot(snapshotId: string, imageId: string): void {
    const from = this.snapshotDir(snapshotId);
    if (existsSync(from)) cpSync(from, this.imageDir(imageId), { recursive: true, verbatimSymlinks: true });
  }

  /** Wipes the server's disk and puts the image's copy (or a fresh layout) in its place. */
  reset(instanceId: string, imageId: string | undefined, hostName = instanceId): void {
    const dir = join(this.base, 'servers', safe(instanceId));
    // A command still ending in the sandbox may create a file while we remove: retry then.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    const image = imageId && SAFE_ID.test(imageId) ? this.imageDir(imageId) : undefined;
    if (image && existsSync(image)) cpSync(image, dir, { recursive: true, verbatimSymlinks: true });
    rmSync(join(dir, 'etc', 'ssh'), { recursive: true, force: true });
    layout(dir, hostName);
  }

  deleteSnapshot(snapshotId: string): void {
    rmSync(this.snapshotDir(snapshotId), { recursive: true, force: true });
  }
  deleteImage(imageId: string): void {
    rmSync(this.imageDir(imageId), { recursive: true, force: true });
  }

  /** A path inside the server's disk; refuses anything that would leave it. */
  pathIn(instanceId: string, relative: string): string {
    const root = this.server(instanceId);
    const p = resolve(root, relative.replace(/^\/+/, ''));
    if (p !== root && !p.startsWith(root + sep)) throw new Error(`${relative} is outside the server's disk`);
    return p;
  }

  readFile(instanceId: string, relative: string): string | undefined {
    const p = this.pathIn(instanceId, relative);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  }

  /**
   * Forgets every disk (the emulator's state was replaced). A run killed just before may still be
   * writing for a moment (ENOTEMPTY): removal is retried with a growing delay, up to ≈ 2.75 s.
   */
  clear(): void {
    for (const d of ['servers', 'snapshots', 'images'])
      rmSync(join(this.base, d), { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }

  dispose(): void {
    if (this.owned) rmSync(this.base, { recursive: true, force: true });
  }
}
