import net from 'node:net';

/**
 * A TCP relay between a service and a server it depends on (PostgreSQL), so that a test can make the
 * server unreachable for that service alone, as a restart or a network cut would, without stopping a
 * server everyone else on the machine shares.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private listeningPort = 0;

  /** `targetUrl`: a URL of the server, e.g. a database URL (its host and port are used). */
  constructor(private readonly targetUrl: string) {}

  /** The target URL, but through this proxy (once started). */
  get url(): string {
    const through = new URL(this.targetUrl);
    through.hostname = '127.0.0.1';
    through.port = String(this.listeningPort);
    return through.toString();
  }

  /** Listens (on a free port the first time, on the same one after a cut) and relays each connection. */
  async start(): Promise<void> {
    const server = net.createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listeningPort, '127.0.0.1', () => resolve());
    });
    this.listeningPort = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** The target becomes unreachable: open connections are broken and new ones refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  private relay(client: net.Socket): void {
    const target = new URL(this.targetUrl);
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const [socket, peer] of [
      [client, upstream],
      [upstream, client],
    ]) {
      this.sockets.add(socket);
      socket.on('error', () => peer.destroy());
      socket.on('close', () => {
        this.sockets.delete(socket);
        peer.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
