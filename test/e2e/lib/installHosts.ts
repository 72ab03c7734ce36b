// CLI: installs the VS Code hosts on first use. `node out/test/e2e/lib/installHosts.js [1.100] [1.139]`
// (no argument: the hosts selected by $SWAS_HOSTS, default both). Exit code 1 on failure.
import { HOSTS, ensureHosts, selectedHosts } from './hosts';

const ids = process.argv.slice(2);
const hosts = ids.length ? HOSTS.filter((h) => ids.includes(h.id)) : selectedHosts();
const started = Date.now();
ensureHosts(hosts).then(
  () => console.log(`hosts: ${hosts.map((h) => h.id).join(', ')} ready (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  (e: unknown) => {
    console.error(`hosts: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
