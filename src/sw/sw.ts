// The service worker: the app, its wasm files and the embedded CIFAR-10 from a cache, so the page
// loads and trains with no network (a classroom's Wi-Fi). A classic script with no imports: the
// build (scripts/sw/plugin.ts) strips the types and puts PRECACHE and VERSION above it.
// Registered only by production builds (src/client/serviceWorker.ts).

/** Paths relative to the scope, e.g. 'index.html', 'assets/main-x.js', 'data/labels.bin'. */
declare const PRECACHE: string[];
/** A hash of PRECACHE's names and contents: a new build gets a new cache and a new sw.js. */
declare const VERSION: string;

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `alexnet-lab-${VERSION}`;

// Wasm threads need SharedArrayBuffer, which needs cross-origin isolation. A response from the
// cache keeps the headers the server sent; these are added where a host sent none, so the
// isolation survives an offline reload (and is there on hosts that cannot set headers).
const ISOLATION: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function isolated(response: Response): Response {
  if (response.type === 'opaque' || response.status === 0) return response;
  const missing = Object.keys(ISOLATION).filter((h) => !response.headers.has(h));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const h of missing) headers.set(h, ISOLATION[h]);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: 'reload' skips the HTTP cache, so a half-updated deploy is not cached as a whole.
      await cache.addAll(
        PRECACHE.map((p) => new Request(new URL(p, sw.registration.scope), { cache: 'reload' })),
      );
      // The first install takes over at once (the page that registered it becomes offline-ready).
      // An update waits until every tab of the old version is closed: an old page may still
      // lazy-load one of its own chunks, which only the old cache holds.
      if (!sw.registration.active) await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('alexnet-lab-') && key !== CACHE) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  const scope = new URL(sw.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is index.html; ?view=… and the setup live in the query.
      const key = request.mode === 'navigate' ? new URL('index.html', scope).href : url.href;
      const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
      return isolated(hit ?? (await fetch(request)));
    })(),
  );
});
