// The renderer's only way to the main side: a client typed by the API contract. It picks its
// transport once (the Electron preload bridge, or the browser shell's HTTP API) and the screens
// never know which shell they run in.
import type { Envelope, FeedlensBridge } from '@main/contract/define';
import type { Args, CallName, EventMap, EventName, Result } from '@main/contract';

type Transport = FeedlensBridge;

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** The browser shell's launch token arrives in the URL fragment; keep it for reloads, hide it. */
function takeToken(): string {
  const match = /token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem('feedlens-token', match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem('feedlens-token') ?? '';
}

function webTransport(): Transport {
  const token = takeToken();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    async call(name, args) {
      const res = await fetch(`api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(args ?? {}),
      });
      if (res.status === 401 || res.status === 403) {
        return {
          ok: false,
          error: {
            code: 'bad-args',
            message: 'This page is not authorised: open the URL that `npm start` printed.',
          },
        };
      }
      return (await res.json()) as Envelope<unknown>;
    },
    on(event, handler) {
      source ??= new EventSource(`api/events?token=${encodeURIComponent(token)}`);
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        source.addEventListener(event, (e) => {
          const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
          for (const h of created) h(payload);
        });
        set = created;
      }
      set.add(handler);
      return () => set.delete(handler);
    },
  };
}

declare global {
  interface Window {
    feedlens?: FeedlensBridge;
  }
}

const transport: Transport = window.feedlens ?? webTransport();

export async function call<K extends CallName>(name: K, args: Args<K>): Promise<Result<K>> {
  const envelope = await transport.call(name, args);
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.value as Result<K>;
}

export function on<E extends EventName>(
  event: E,
  handler: (payload: EventMap[E]) => void,
): () => void {
  return transport.on(event, handler as (payload: unknown) => void);
}
