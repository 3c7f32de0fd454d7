/**
 * The byte-level tools of a backup, from the platform: gzip through CompressionStream, SHA-256 through
 * crypto.subtle (both in Chromium, Edge WebView2, Safari 16.4+ and Node 20), base64 for the workbook copy.
 * Nothing here touches the ledger; format.ts decides what the bytes mean.
 */

function requireStream(name: "CompressionStream" | "DecompressionStream"): void {
  if (typeof globalThis[name] === "undefined") {
    throw new Error(`This Excel's browser has no ${name}; backups need a newer Office (Edge WebView2 or Safari 16.4+).`);
  }
}

/** Pushes `bytes` through a transform stream and collects what comes out. */
async function transform(bytes: Uint8Array, stream: TransformStream<Uint8Array, Uint8Array>): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Written without awaiting: the readable side must be drained at the same time or the pipe stalls.
  const written = writer.write(bytes).then(() => writer.close());
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await written;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  requireStream("CompressionStream");
  return transform(bytes, new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/** Throws on bytes that are not a complete gzip stream (a truncated or damaged file). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  requireStream("DecompressionStream");
  return transform(bytes, new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("This page cannot compute SHA-256 (crypto.subtle needs a secure context).");
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Bytes → base64, in slices so that no single String.fromCharCode call gets too many arguments. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 0x8000) {
    parts.push(String.fromCharCode(...bytes.subarray(at, at + 0x8000)));
  }
  return btoa(parts.join(""));
}

/** base64 → bytes; throws on characters outside the base64 alphabet. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at++) bytes[at] = binary.charCodeAt(at);
  return bytes;
}
