// Server-Sent Events read with fetch(): unlike EventSource, fetch can send the headers the API needs
// (X-Shop-Web for the session cookie, X-Order-Token for a guest), so no token ever goes into a URL.
//
//   const stream = followEvents('/api/orders/5/events', {headers, onEvent(name, data, id), onError(error), isLast(data)})
//   stream.close()
//
// Reconnects after a dropped connection (with Last-Event-ID), backing off; stops on close(), when
// isLast(data) says so, on a 204 (the server's "nothing more"), and on 4xx answers (reported to onError).
import { ApiError } from './api.js';

export function followEvents(path, { headers = {}, onEvent, onError, isLast } = {}) {
  const controller = new AbortController();
  let closed = false;
  let lastEventId = null;
  let failures = 0;

  const close = () => {
    closed = true;
    controller.abort();
  };

  async function connect() {
    while (!closed) {
      try {
        const requestHeaders = { 'X-Shop-Web': '1', Accept: 'text/event-stream', ...headers };
        if (lastEventId) requestHeaders['Last-Event-ID'] = lastEventId;
        const response = await fetch(path, { credentials: 'same-origin', headers: requestHeaders, signal: controller.signal, cache: 'no-store' });
        if (response.status === 204) return;
        if (!response.ok) {
          let problem = null;
          try { problem = await response.json(); } catch (e) { problem = null; }
          const error = new ApiError(response.status, problem, response.statusText);
          if (response.status < 500 && response.status !== 429) {
            if (onError) onError(error);
            return;
          }
          throw error;
        }
        failures = 0;
        const finished = await read(response.body);
        if (finished) return;
      } catch (error) {
        if (closed || (error && error.name === 'AbortError')) return;
        failures += 1;
        if (onError && failures === 3) onError(error);
      }
      // the connection ended or failed: wait a little longer each time, up to 30 s
      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 1000 * 2 ** Math.min(failures, 5))));
    }
  }

  /** Reads one connection; true when the stream said its last word. */
  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { name: 'message', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer[newline] === '\r' && buffer[newline + 1] === '\n' ? 2 : 1));
        if (line === '') {
          if (event.data.length) {
            if (event.id !== null) lastEventId = event.id;
            const text = event.data.join('\n');
            let data = text;
            try { data = JSON.parse(text); } catch (e) { data = text; }
            if (onEvent) onEvent(event.name, data, event.id);
            if (isLast && isLast(data)) {
              close();
              return true;
            }
          }
          event = { name: 'message', data: [], id: null };
          continue;
        }
        if (line.startsWith(':')) continue; // a comment: the heartbeat
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = content;
        else if (field === 'data') event.data.push(content);
        else if (field === 'id') event.id = content;
      }
    }
  }

  connect();
  return { close };
}
