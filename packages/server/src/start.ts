import { buildService, type LinksService, type ServerOptions } from './app.js';

/** How `links serve` starts the service. */
export interface StartOptions extends ServerOptions {
  readonly host: string;
  readonly port: number;
  /** Allow `devAuth` on an address other machines can reach. */
  readonly allowDevAuthOnNetwork?: boolean;
}

/** A started service: the address it listens on, and how to stop it. */
export interface RunningServer {
  readonly service: LinksService;
  readonly url: string;
  close(): Promise<void>;
}

/** Whether a host name or address is this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Starts the service and resolves once it accepts requests. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  if (options.devAuth && !isLoopback(options.host) && !options.allowDevAuthOnNetwork) {
    throw new Error(
      `--dev-auth signs tokens for anyone who asks, so it only listens on this machine (127.0.0.1). ` +
        `Refusing --host ${options.host}; add --dev-auth-on-network if you really mean to expose the demo sign-in on a network.`,
    );
  }
  const service = await buildService(options);
  try {
    await service.app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await service.close();
    throw error;
  }
  const address = service.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  return { service, url: `http://${host}:${port}`, close: () => service.close() };
}
