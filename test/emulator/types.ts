export interface EmulatorRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON or form body; undefined when empty or unparsable. */
	body: unknown;
	rawBody: string;
}

export interface EmulatorResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** One gateway's routes; answers undefined when the path is not its. */
export interface ServiceHandler {
	name: string;
	handle(request: EmulatorRequest): EmulatorResponse | undefined;
}

export interface RecordedRequest extends EmulatorRequest {
	service: string;
	status: number;
}
