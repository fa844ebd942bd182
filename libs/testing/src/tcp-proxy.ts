import net from 'node:net';

/** A COMMIT as pg sends it: a simple Query message ('Q', its length, the text and a NUL). */
const COMMIT_MESSAGE = Buffer.concat([Buffer.from('Q'), Buffer.from([0, 0, 0, 11]), Buffer.from('COMMIT\0')]);

/**
 * A TCP relay between a service and a server it depends on (PostgreSQL), so that a test can make the
 * server unreachable for that service alone, as a restart or a network cut would, without stopping a
 * server everyone else on the machine shares.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private listeningPort = 0;
  /** Set by `loseCommitAnswerAfter` until a connection carrying it has sent its COMMIT. */
  private commitMarker?: Buffer;

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

  /**
   * The next COMMIT on the connection whose client sends `marker` (a value the test writes, say) reaches
   * the server, but its answer never reaches the client: the connection breaks instead. The server has
   * committed; the client cannot know it. That is the ambiguous commit an idempotency key must cover.
   */
  loseCommitAnswerAfter(marker: string): void {
    this.commitMarker = Buffer.from(marker);
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
    let carriesMarker = false;
    let commitSent = false;
    let recent = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      const marker = this.commitMarker;
      if (marker && !carriesMarker) {
        // A marker may straddle two chunks: look at the end of the previous one too.
        recent = Buffer.concat([recent, chunk]).subarray(-(chunk.length + marker.length));
        carriesMarker = recent.includes(marker);
      }
      if (carriesMarker && !commitSent && chunk.includes(COMMIT_MESSAGE)) {
        commitSent = true;
        this.commitMarker = undefined;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!commitSent) return void client.write(chunk);
      client.destroy();
      upstream.destroy();
    });
  }
}
