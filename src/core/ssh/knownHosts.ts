// The names OpenSSH files a server's host key under in known_hosts: the bare address for port 22,
// `[address]:port` for any other port (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"). `ssh-keygen -R`
// removes only the name it is given, so after a reset both are removed when the port is not 22.
// Only an IP address is ever passed (never text a server sent).
import { isIP } from 'node:net';

export function knownHostsNames(ip: string, port = 22): string[] {
  if (isIP(ip) === 0) return [];
  return Number.isInteger(port) && port > 0 && port <= 65535 && port !== 22 ? [ip, `[${ip}]:${port}`] : [ip];
}
