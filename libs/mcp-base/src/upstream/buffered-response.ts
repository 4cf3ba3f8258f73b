const utf8 = new TextDecoder();

/**
 * An upstream answer already read into memory (upstream-fetch.ts reads every body inside the
 * attempt's timeout). Its body methods answer from those bytes directly: a `new Response(bytes)`
 * would wrap them in a fresh web stream for the SDK to read back chunk by chunk, which costs more
 * per request than the loopback round trip. `body` still gives a stream, made only when asked for.
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #url: string;
  #used = false;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  /** The body as text and as parsed JSON once the JSON check has read them: not decoded twice. */
  #text: string | undefined;
  #json: { value: unknown } | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer> | null, source: Response) {
    super(null, { status: source.status, statusText: source.statusText, headers: source.headers });
    // fetch has already decoded the body: these described the bytes on the wire.
    this.headers.delete('content-encoding');
    this.headers.delete('content-length');
    this.#bytes = bytes;
    this.#url = source.url;
  }

  override get url(): string {
    return this.#url;
  }

  override get bodyUsed(): boolean {
    return this.#used || Boolean(this.#stream?.locked);
  }

  /** Made on first access, and the same stream after: looking at `body` does not use it up, reading it does. */
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (!this.#bytes) return null;
    const bytes = this.#bytes;
    this.#stream ??= new ReadableStream({
      start(controller) {
        if (bytes.length) controller.enqueue(bytes);
        controller.close();
      },
    });
    return this.#stream;
  }

  /** The text, decoded once and kept (for the JSON check and the SDK's read after it). */
  peekText(): string {
    this.#text ??= this.#bytes ? utf8.decode(this.#bytes) : '';
    return this.#text;
  }

  /** Keeps the JSON the check parsed, so a `json()` read gives it without parsing again. */
  keepJson(value: unknown): void {
    this.#json = { value };
  }

  override async text(): Promise<string> {
    this.#take();
    return this.peekText();
  }

  override async json(): Promise<unknown> {
    this.#take();
    return this.#json ? this.#json.value : JSON.parse(this.peekText());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#take()], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    return new Response(this.#take(), { headers: this.headers }).formData();
  }

  override clone(): BufferedResponse {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, this);
  }

  /** Marks the body read, as a stream-backed Response does: a second read is refused the same way. */
  #take(): Uint8Array<ArrayBuffer> {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }
}
