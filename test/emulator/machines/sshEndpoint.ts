// One emulated server's SSH daemon (npm `ssh2`), on the server's loopback public IP. It behaves
// like sshd on a fresh SWAS Linux server in the ways a client can see:
// - the SWAS firewall is honoured (no accept rule for TCP/<port> from the client → the connection
//   is cut before the banner), and so is the status (not Running → cut);
// - only public keys are accepted, and only those in the user's ~/.ssh/authorized_keys on the
//   server's own disk (what RunCommand or an attached key pair put there);
// - the host key lives on that disk (/etc/ssh/ssh_host_ed25519_key) and is made when missing, so
//   a ResetSystem (which wipes the disk) gives the server a new one;
// - a shell or command runs in the server's sandbox (sandbox.ts), with a pty when asked;
// - for hostile-input tests, the admin API can give it odd bytes to send before and at login
//   (`hostile`: raw lines before the ident, the ident itself, the pre-authentication banner).
import { readFileSync, renameSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server as NetServer, Socket } from 'node:net';
import { join } from 'node:path';
import { Server, utils } from 'ssh2';
import type { AuthContext, Connection, PseudoTtyInfo, ServerChannel } from 'ssh2';
import { spawnBuiltin } from './builtinShell/process';
import { sandboxAvailable, spawnInSandbox } from './sandbox';
import type { SandboxKind } from './sandbox';

export interface MachineView {
  status: string;
  hostName: string;
  /** Whether the server's firewall accepts TCP on `port` from `sourceIp`. */
  allows(port: number, sourceIp: string): boolean;
  /** The server's disk folder (its `/`). */
  root: string;
  /** Where commands run (default bwrap). */
  sandbox?: SandboxKind;
}

function homeOf(user: string): string {
  return user === 'root' ? 'root' : join('home', user);
}

/** Public keys of one authorized_keys file ("[options] type base64 [comment]" lines). */
export function authorizedKeys(text: string): Array<{ type: string; data: Buffer }> {
  const out: Array<{ type: string; data: Buffer }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    const i = parts.findIndex((p) => /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-)/.test(p));
    const type = parts[i];
    const b64 = parts[i + 1];
    if (i < 0 || !type || !b64) continue;
    const key = utils.parseKey(`${type} ${b64}`);
    if (key instanceof Error) continue;
    const k = Array.isArray(key) ? key[0] : key;
    if (k) out.push({ type: k.type, data: k.getPublicSSH() });
  }
  return out;
}

/** What a hostile server sends before login (admin `POST /machines/<id>/ssh-banner`). */
export interface HostileSsh {
  /** Raw bytes written before the identification line (RFC 4253 §4.2 allows other lines). */
  preIdent?: Buffer;
  /** The identification after "SSH-2.0-" (raw bytes). */
  ident?: Buffer;
  /** SSH_MSG_USERAUTH_BANNER text. */
  banner?: string;
}

export class SshEndpoint {
  /** Set by the admin API; a change takes effect on the next connection. */
  hostile: HostileSsh | undefined;
  private serverFor: HostileSsh | undefined;
  private readonly net: NetServer;
  private ssh: Server | undefined;
  private hostKey = '';
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    readonly ip: string,
    private readonly view: () => MachineView | undefined,
  ) {
    this.net = createServer((socket) => this.accept(socket));
  }

  /** Listens on ip:22 when it may, otherwise on a free port of that ip. */
  async listen(preferred = 22): Promise<number> {
    const tryPort = (port: number): Promise<number> =>
      new Promise((resolve, reject) => {
        const onError = (e: Error): void => reject(e);
        this.net.once('error', onError);
        this.net.listen(port, this.ip, () => {
          this.net.off('error', onError);
          const a = this.net.address();
          resolve(typeof a === 'object' && a ? a.port : port);
        });
      });
    try {
      this.port = await tryPort(preferred);
    } catch {
      this.port = await tryPort(0);
    }
    return this.port;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.net.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const v = this.view();
    const source = (socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (!v || v.status !== 'Running' || !v.allows(22, source)) {
      socket.destroy();
      return;
    }
    let server: Server;
    try {
      server = this.server(v);
    } catch {
      // The disk is being replaced (a reset or ResetSystem copying files): no readable host key
      // yet, as a server still booting. Refused, not a crash; the next connection reads it again.
      socket.destroy();
      return;
    }
    if (this.hostile?.preIdent) socket.write(this.hostile.preIdent);
    server.injectSocket(socket);
  }

  private server(v: MachineView): Server {
    const keyFile = join(v.root, 'etc', 'ssh', 'ssh_host_ed25519_key');
    if (!existsSync(keyFile)) {
      const pair = utils.generateKeyPairSync('ed25519');
      mkdirSync(join(v.root, 'etc', 'ssh'), { recursive: true });
      // Written whole, then renamed: a connection never reads half a key.
      writeFileSync(`${keyFile}.tmp`, pair.private, { mode: 0o600 });
      writeFileSync(`${keyFile}.pub`, `${pair.public}\n`);
      renameSync(`${keyFile}.tmp`, keyFile);
    }
    const key = readFileSync(keyFile, 'utf8');
    if (!this.ssh || key !== this.hostKey || this.serverFor !== this.hostile) {
      const h = this.hostile;
      // ssh2 takes a Buffer ident too (lib/protocol/Protocol.js), though its types say string.
      const ident = (h?.ident ?? 'OpenSSH_9.2p1 SWAS-emulator') as unknown as string;
      this.ssh = new Server({ hostKeys: [key], ident, ...(h?.banner ? { banner: h.banner } : {}) }, (client) => this.session(client));
      this.hostKey = key;
      this.serverFor = h;
    }
    return this.ssh;
  }

  private session(client: Connection): void {
    let user = 'root';
    client.on('error', () => undefined);
    client.on('authentication', (ctx: AuthContext) => {
      const v = this.view();
      if (!v || ctx.method !== 'publickey' || !/^[a-z_][a-z0-9_.-]{0,31}$/.test(ctx.username)) return ctx.reject(['publickey']);
      const file = join(v.root, homeOf(ctx.username), '.ssh', 'authorized_keys');
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const known = authorizedKeys(text).find((k) => k.type === ctx.key.algo && k.data.equals(ctx.key.data));
      if (!known) return ctx.reject(['publickey']);
      if (ctx.signature) {
        const parsed = utils.parseKey(`${ctx.key.algo} ${ctx.key.data.toString('base64')}`);
        const k = Array.isArray(parsed) ? parsed[0] : parsed;
        if (!k || k instanceof Error || k.verify(ctx.blob ?? Buffer.alloc(0), ctx.signature, ctx.hashAlgo) !== true)
          return ctx.reject(['publickey']);
      }
      user = ctx.username;
      ctx.accept();
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        let pty: PseudoTtyInfo | undefined;
        session.on('pty', (ok, _no, info) => {
          pty = info;
          ok?.();
        });
        session.on('env', (ok) => ok?.());
        session.on('window-change', (ok) => ok?.());
        session.on('shell', (ok) => this.run(ok(), user, undefined, pty));
        session.on('exec', (ok, _no, info) => this.run(ok(), user, info.command, pty));
      });
    });
  }

  private run(channel: ServerChannel, user: string, command: string | undefined, pty: PseudoTtyInfo | undefined): void {
    const v = this.view();
    if (!v || (v.sandbox !== 'builtin' && !sandboxAvailable())) {
      channel.stderr.write('This emulated server cannot run commands: bubblewrap (Debian package "bubblewrap") is not installed.\r\n');
      channel.exit(127);
      channel.end();
      return;
    }
    const prompt = `${user}@${v.hostName}:\\w${user === 'root' ? '#' : '$'} `;
    const inner = command ?? '/bin/bash --norc --noprofile -i';
    const argv = pty ? ['/usr/bin/script', '-qfec', inner, '/dev/null'] : command !== undefined ? ['/bin/sh', '-c', command] : ['/bin/sh'];
    const env: Record<string, string> = { PS1: prompt, TERM: pty?.term || 'xterm-256color' };
    if (pty?.cols) env.COLUMNS = String(pty.cols);
    if (pty?.rows) env.LINES = String(pty.rows);
    const where = { root: v.root, cwd: user === 'root' ? '/root' : `/home/${user}`, user, env };
    const child = v.sandbox === 'builtin' ? spawnBuiltin(where, command, pty !== undefined) : spawnInSandbox(where, argv);
    if (child.stdin) {
      // Input typed after the shell exited goes nowhere (EPIPE), as on a real server; never a crash.
      child.stdin.on('error', () => undefined);
      channel.pipe(child.stdin);
    }
    child.stdout?.pipe(channel, { end: false });
    child.stderr?.pipe(channel.stderr, { end: false });
    channel.on('close', () => child.kill('SIGKILL'));
    child.on('close', (code) => {
      channel.exit(code ?? 1);
      channel.end();
    });
  }
}
