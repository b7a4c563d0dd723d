import type {Ip} from '../net/ipv4';

/** An HTTP request as a simulated web server receives it. */
export interface HttpRequest {
	readonly method: 'GET' | 'HEAD';
	/** Request path, e.g. `/index.html` or `/test.php`. */
	readonly path: string;
	/** Host header. */
	readonly host: string;
	readonly client: Ip;
	readonly clientPort: number;
	readonly keepAlive: boolean;
	readonly userAgent: string;
	/** Protocol version of the request line (HTTP/1.1 keeps connections open without a Keep-Alive token). */
	readonly version?: 'HTTP/1.0' | 'HTTP/1.1';
}

export interface HttpResponse {
	readonly status: number;
	readonly reason: string;
	readonly headers: ReadonlyArray<readonly [string, string]>;
	readonly body: string;
}

/**
 * Produces responses for a web server. `respond` may be called later in virtual
 * time: a CPU-heavy page (openMosix's test.php) answers when its process finishes.
 * A handler that never responds makes the client time out.
 */
export interface HttpHandler {
	handle(request: HttpRequest, respond: (response: HttpResponse) => void): void;
}
