// Reads a Server-Sent Events response the way EventSource does: frames end at a blank line, comment
// lines (":") and fields other than data are skipped; next() gives the data of the next message.
export function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const comments: string[] = [];
  return {
    comments,
    async next(): Promise<string> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = frame.split("\n");
          comments.push(...lines.filter((l) => l.startsWith(":")));
          const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart());
          if (data.length) return data.join("\n");
          continue;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error("the event stream ended");
        buffer += decoder.decode(value, { stream: true });
      }
    },
    async json<T>(): Promise<T> {
      return JSON.parse(await this.next()) as T;
    },
  };
}
