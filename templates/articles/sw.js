{% autoescape off %}// Almene Nyheder's service worker (articles/offline.py serves it at /sw.js).
//
// It keeps the reader's reading list for offline reading, and nothing else of theirs:
// - each saved article, with its hero image at the phone rendition, when it is added (and when
//   the list page is opened, for lists made before), within a budget of 50 MB: the oldest
//   added leave first, and the list page says what could not be kept (kept again once
//   there is room);
// - the list page itself, and what any page needs to show (stylesheets, fonts, scripts) and
//   the offline page, fetched when the worker is installed.
// Pages are fetched from the network first; only when that fails does a kept copy answer,
// with a notice saying it is a copy and from when. A page not kept gets the offline page.
// The admin, a source's quote check (/citattjek/), POST answers and every other page are never
// kept; the admin and quote checks are not even answered from here when offline.
// Marking read or removing while offline is queued and sent when the connection returns
// (Background Sync where the browser has it, the next page load otherwise).
//
// What is taken down leaves the copies: a saved article the network answers 404 or 410 for
// is dropped at once, and every page carries a mark (articles/offline.py, copies_mark) that
// changes when public content does; when a page brings a mark this worker has not checked,
// it asks the site once which of its copies are still public and drops the rest.
//
// Copies belong to the reader who saved them: they are kept under the public id in the
// owner cookie (articles/reading_list.py, OWNER_COOKIE), read with the Cookie Store API, and
// none is served, and all are deleted, once that cookie is gone (cleared, expired, logged
// out) or names another reader. Where workers have no cookieStore, pages tell the worker the
// cookie (static/js/offline.js), and copies are served no longer than the cookie's expiry.
"use strict";

const VERSION = "__VERSION__";
const STATIC_CACHE = "almene-static-" + VERSION;
const SAVED_CACHE = "almene-laeseliste";  // kept across new versions of the worker
const META = "/__almene-offline__/meta.json";  // what is kept, in SAVED_CACHE
const PRECACHE = {{ precache }};
const OFFLINE_URL = {{ offline_url }};
const LIST_URL = {{ reading_list_url }};
const COPIES_URL = {{ copies_url }};
const OWNER_COOKIE = {{ owner_cookie }};
const MARK = new RegExp('<meta name="' + {{ mark_name }} + '" content="([^"]*)">');
const GONE = [404, 410];
const BUDGET = {{ budget }};  // bytes (OFFLINE_COPIES_MAX_BYTES)
// Where pictures come from when not from the site itself (a bucket, its CDN; "" otherwise).
// It must answer with CORS headers: a kept picture's size is counted against the budget, and
// an opaque answer has none to read.
const MEDIA_ORIGIN = {{ media_origin }};
const CHANGES = /^\/laeseliste\/(tilfoej|fjern|laest)\/$/;
const RENDITION = /^(.*\/)hero-\d+\.(webp|jpg)$/;
// The newsroom, and a source's quote check (personal, short-lived, other people's drafts):
// the worker never sees them, not even to fall back on the offline page.
const NEVER = ["/admin/", "/citattjek/"];
const QUEUE_DB = "almene-offline";
const SYNC_TAG = "laeseliste";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE)
      .then((cache) => Promise.allSettled(PRECACHE.map((url) => cache.add(url))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names
          .filter((name) => name.startsWith("almene-static-") && name !== STATIC_CACHE)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
      .then(() => flushQueue())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (isRendition(request, url) && url.origin === MEDIA_ORIGIN) {
    event.respondWith(image(request, url));  // a picture in the bucket: kept ones offline
    return;
  }
  const never = NEVER.some((prefix) => url.pathname.startsWith(prefix));
  if (url.origin !== self.location.origin || never) {
    return;  // the browser's own handling: never kept, never answered from here
  }
  if (request.method === "POST") {
    if (CHANGES.test(url.pathname)) {
      event.respondWith(readingListChange(event));
    }
    return;
  }
  if (request.method !== "GET") {
    return;
  }
  if (PRECACHE.includes(url.pathname + url.search) && url.pathname !== OFFLINE_URL) {
    // The network (in practice the browser's own cache: static names are hashed and kept a
    // year) first, so that a stylesheet edited in development shows at once; the kept copy
    // offline.
    event.respondWith(
      fetch(request).catch(() => caches.match(request, { cacheName: STATIC_CACHE }))
    );
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
    return;
  }
  if (isRendition(request, url)) {
    event.respondWith(image(request, url));
  }
});

function isRendition(request, url) {
  return request.method === "GET" && request.destination === "image"
    && RENDITION.test(url.pathname);
}

// A picture is kept under its address without the query: absolute, since it may come from
// the bucket's origin (pictures kept before were kept under their path on the site, which
// the cache resolves to the same address).
function pictureKey(url) {
  return url.origin + url.pathname;
}

// --- Pages ------------------------------------------------------------------------------------

async function page(event, url) {
  const request = event.request;
  const path = url.pathname;
  const meta = await checkOwner();  // another reader's copies go before anything is answered
  const since = drops;
  const keep = path === LIST_URL || Boolean(meta.pages[path] && meta.pages[path].article);
  try {
    const response = await fetch(request);
    if (keep && response.ok && url.search === "") {
      // The reader's own list and saved articles: the copy follows the page.
      await storePage(path, response.clone());
    } else if (keep && GONE.includes(response.status) && path !== LIST_URL) {
      // Taken down (or gone): the copy goes now, not at the next visit to the list.
      await forgetArticle(path, since);
    }
    if (response.ok) {
      event.waitUntil(followMark(response.clone()).catch(() => {}));
    }
    return response;
  } catch (error) {
    const kept = keep ? await keptPage(path) : null;
    if (kept) {
      return kept;
    }
    return (await caches.match(OFFLINE_URL, { cacheName: STATIC_CACHE })) || Response.error();
  }
}

async function keptPage(path) {
  const cache = await caches.open(SAVED_CACHE);
  const response = await cache.match(path);
  const meta = await readMeta();
  const entry = meta.pages[path];
  if (!response || !entry) {
    return null;  // not kept, or left behind by a write that lost to the dropping of copies
  }
  const when = new Date(entry.fetched);
  const notice =
    '<p class="offline-notice" role="status">Du er offline – du læser en gemt kopi fra ' +
    when.toLocaleString("da-DK", { dateStyle: "long", timeStyle: "short" }) + ".</p>";
  const html = (await response.text()).replace(/(<main\b[^>]*>)/, "$1" + notice);
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "X-Offline-Copy": "1" },
  });
}

async function image(request, url) {
  try {
    return await fetch(request);
  } catch (error) {
    await checkOwner();
    const cache = await caches.open(SAVED_CACHE);
    const exact = await cache.match(pictureKey(url));
    if (exact) {
      return exact;
    }
    // Offline, a saved article's hero asks for the size the screen wants: the phone
    // rendition that was kept answers for every size.
    const directory = url.origin + url.pathname.match(RENDITION)[1];
    const meta = await readMeta();
    const kept = Object.values(meta.pages)
      .flatMap((entry) => entry.images || [])
      .find((key) => new URL(key, self.location.origin).href.startsWith(directory));
    return (kept && (await cache.match(kept))) || Response.error();
  }
}

// --- What is kept ---------------------------------------------------------------------------

// How many times this worker dropped every copy (dropCopies). A task that began before a drop
// (a save, a question to the site) changes nothing after it: it would bring back what another
// reader kept, or the record of it.
let drops = 0;

async function readMeta() {
  const cache = await caches.open(SAVED_CACHE);
  const response = await cache.match(META);
  const meta = response ? await response.json() : null;
  const fresh = { pages: {}, notKept: [], dropped: {} };
  return meta && meta.pages ? { ...fresh, ...meta } : fresh;
}

async function writeMeta(meta) {
  const cache = await caches.open(SAVED_CACHE);
  await cache.put(META, new Response(JSON.stringify(meta), {
    headers: { "Content-Type": "application/json" },
  }));
}

// Every change to the record is made in turn: read, changed by ``change`` (which may put and
// delete copies in the cache but must not ask for another change), and written back before
// the next change reads it. Saves, takedowns and the budget overlap (two quick taps, a page's
// mark while an article is kept): each writing back what it had read before another wrote
// would lose that other's change, and a copy the record does not list is never dropped.
// ``since`` is the count of drops when the task asking began (``drops`` at the call when it
// is left out): after a drop since then the change is not made, and resolves to undefined.
let metaTurn = Promise.resolve();

function inTurn(work) {
  const done = metaTurn.then(work);
  metaTurn = done.catch(() => {});
  return done;
}

function changeMeta(change, since = drops) {
  return inTurn(async () => {
    if (drops !== since) {
      return undefined;
    }
    const meta = await readMeta();
    const result = await change(meta);
    if (drops === since) {
      await writeMeta(meta);
    }
    return result;
  });
}

function hasCopies(meta) {
  return Object.keys(meta.pages).length > 0 || meta.notKept.length > 0;
}

async function storePage(path, response) {
  if (!(await claim())) {
    return null;  // no reader in this browser: nothing is kept for anyone
  }
  const since = drops;
  const body = await response.text();
  await changeMeta(async (meta) => {
    await keepPage(path, body);
    const entry = meta.pages[path] || {};
    entry.fetched = new Date().toISOString();
    entry.bytes = body.length + (entry.imageBytes || 0);
    meta.pages[path] = entry;
  }, since);
  return body;
}

function keepPage(path, body) {
  return caches.open(SAVED_CACHE).then((cache) => cache.put(
    path, new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8" } })
  ));
}

// Keep a saved article: its page and its hero's phone rendition. ``since``: the drops counted
// when the task saving it began (syncSaved); else when its reader was claimed, which drops
// another reader's copies first.
async function saveArticle(path, added, corrected = "", since = null) {
  // Marked as a copy: keeping an article is not reading it (the site would mark it read).
  const response = await fetch(path, {
    credentials: "same-origin",
    headers: { "X-Offline-Copy": "1" },
  });
  if (!response.ok) {
    if (GONE.includes(response.status)) {
      await forgetArticle(path, since ?? drops);
    }
    return false;
  }
  if (!(await claim())) {
    return false;
  }
  since = since ?? drops;
  if (drops !== since) {
    return false;  // another reader since the task began: the list it kept for is not theirs
  }
  const body = await response.text();
  const pictures = [];
  let imageBytes = 0;
  const found = body.match(/data-offline-image="([^"]+)"/);
  if (found) {
    // On the site or in the bucket (CORS, no cookies sent there): its size is what is kept.
    const imageUrl = new URL(found[1], self.location.origin);
    const imageResponse = await fetch(imageUrl, { credentials: "same-origin", mode: "cors" })
      .catch(() => null);  // a picture that cannot be had: the article is kept without it
    if (imageResponse && imageResponse.ok) {
      const blob = await imageResponse.blob();
      imageBytes = blob.size;
      const type = imageResponse.headers.get("Content-Type") || "image/webp";
      pictures.push([pictureKey(imageUrl), blob, type]);
    }
  }
  const images = pictures.map(([key]) => key);
  // Into the cache within the change: a drop since the save began leaves nothing of it behind.
  const kept = await changeMeta(async (meta) => {
    const cache = await caches.open(SAVED_CACHE);
    await Promise.all(pictures.map(([key, blob, type]) => (
      cache.put(key, new Response(blob, { headers: { "Content-Type": type } }))
    )));
    await keepPage(path, body);
    meta.pages[path] = {
      article: true,
      added: added || new Date().toISOString(),
      fetched: new Date().toISOString(),
      corrected,
      images,
      imageBytes,
      bytes: body.length + imageBytes,
    };
    return true;
  }, since);
  return Boolean(kept);
}

function forgetArticle(path, since = drops) {
  return changeMeta((meta) => dropCopy(meta, path), since);
}

// The copy of ``path`` and its pictures, out of the cache and the record (within a change).
async function dropCopy(meta, path) {
  const entry = meta.pages[path];
  if (entry) {
    const cache = await caches.open(SAVED_CACHE);
    await Promise.all([cache.delete(path), ...(entry.images || []).map((image) => cache.delete(image))]);
    delete meta.pages[path];
  }
}

// Off the list: no copy, and nothing to tell about it.
function removeArticle(path, since = drops) {
  return changeMeta(async (meta) => {
    await dropCopy(meta, path);
    meta.notKept = meta.notKept.filter((other) => other !== path);
    delete meta.dropped[path];
  }, since);
}

function totalBytes(meta) {
  return Object.values(meta.pages).reduce((sum, entry) => sum + (entry.bytes || 0), 0);
}

// Within the budget: the oldest added leave first. Returns the paths that are not kept.
async function keepWithinBudget(since = drops) {
  const notKept = await changeMeta(async (meta) => {
    const articles = Object.entries(meta.pages)
      .filter(([, entry]) => entry.article)
      .sort((a, b) => a[1].added.localeCompare(b[1].added));
    let total = totalBytes(meta);
    while (total > BUDGET && articles.length) {
      const [path, entry] = articles.shift();
      total -= entry.bytes || 0;
      await dropCopy(meta, path);
      meta.dropped[path] = entry.bytes || 0;  // tried again when there is room for it
      meta.notKept = Array.from(new Set([...meta.notKept, path]));
    }
    return meta.notKept;
  }, since);
  return notKept || [];
}

// The list page tells what is on the list: keep what is missing, forget what left it.
async function syncSaved(articles) {
  if (!(await claim())) {
    return [];
  }
  const since = drops;
  const wanted = new Map(articles.map((item) => [item.adresse, item.gemt]));
  // When each was last corrected: a copy kept before that is fetched again (corrections/).
  const corrected = new Map(articles.map((item) => [item.adresse, item.rettet || ""]));
  const meta = await readMeta();
  for (const path of new Set([...Object.keys(meta.pages), ...meta.notKept])) {
    if ((!meta.pages[path] || meta.pages[path].article) && !wanted.has(path)) {
      await removeArticle(path, since);
    }
  }
  for (const [path, added] of wanted) {
    const missing = await changeMeta((known) => {
      if (known.pages[path]) {
        return (known.pages[path].corrected || "") !== corrected.get(path);
      }
      if (known.notKept.includes(path)) {
        // Left out for want of room: kept again only once there is room for it now.
        if (totalBytes(known) + (known.dropped[path] || 0) > BUDGET) {
          return false;
        }
        known.notKept = known.notKept.filter((other) => other !== path);
        delete known.dropped[path];
      }
      return true;
    }, since);
    if (!missing) {
      continue;
    }
    try {
      await saveArticle(path, added, corrected.get(path), since);
    } catch (error) {
      break;  // offline: the next visit to the list tries again
    }
  }
  if (wanted.size === 0) {
    // An empty list (cleared, or another reader now): no copies are left behind.
    await dropCopies();
    return [];
  }
  const notKept = await keepWithinBudget(since);
  return notKept.filter((path) => wanted.has(path));
}

// A page's messages are handled one after the other: what it says of the owner comes first.
let pageWork = Promise.resolve();

function serially(task) {
  const done = pageWork.then(task);
  pageWork = done.catch(() => {});
  return done;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const answer = (message) => event.ports[0] && event.ports[0].postMessage(message);
  if (data.type === "owner") {
    event.waitUntil(serially(() => toldOwner(data.value)).then((dropped) => answer({ dropped })));
  } else if (data.type === "sync") {
    event.waitUntil(serially(() => syncSaved(data.articles || [])).then((notKept) => answer({ notKept })));
  } else if (data.type === "flush") {
    event.waitUntil(serially(() => flushQueue()));
  }
});

// --- Whose copies these are ---------------------------------------------------------------

// The owner cookie's value: "<public id>.<expiry in Unix seconds>".
function parseOwner(value) {
  const [id, expires] = String(value || "").split(".");
  return id ? { id, expires: Number(expires) * 1000 || 0 } : null;
}

// The reader in this browser now, as { id, expires }, or null when there is none. From the
// cookie itself where workers have the Cookie Store API (a cookie that expired or was cleared
// is not there); else the owner the pages last told, until the expiry it was told with.
async function owner(meta) {
  if (self.cookieStore) {
    try {
      const cookie = await self.cookieStore.get(OWNER_COOKIE);
      return cookie ? parseOwner(cookie.value) : null;
    } catch (error) {
      // Refused (cookies blocked): as if there were no Cookie Store.
    }
  }
  if (meta.owner && meta.ownerExpires > Date.now()) {
    return { id: meta.owner, expires: meta.ownerExpires };
  }
  return null;
}

// Everything kept for a reader goes: copies, pictures, what is known of them, and the changes
// queued offline (sent later, they would change the next reader's list).
// Counted at once (no change asked for before is made after), and done in turn, so that no
// change already under way writes between the deletions.
function dropCopies() {
  drops += 1;
  return inTurn(async () => {
    const cache = await caches.open(SAVED_CACHE);
    await Promise.all((await cache.keys()).map((key) => cache.delete(key)));
    await clearQueue();
  });
}

// The copies kept, once it is sure they are the present reader's; dropped if they are not.
async function checkOwner() {
  const meta = await readMeta();
  if (!hasCopies(meta)) {
    return meta;
  }
  const present = await owner(meta);
  if (!present || present.id !== meta.owner) {
    await dropCopies();
    return readMeta();
  }
  return meta;
}

// Before anything is kept: the present reader, whose copies are the only ones left; null
// when there is none (nothing is then kept).
async function claim() {
  const meta = await readMeta();
  const present = await owner(meta);
  if (!present) {
    if (hasCopies(meta)) {
      await dropCopies();
    }
    return null;
  }
  if (meta.owner !== present.id || meta.ownerExpires !== present.expires) {
    if (meta.owner && meta.owner !== present.id) {
      await dropCopies();
    }
    await recordOwner(present);
  }
  return present;
}

// A page told the owner cookie it sees (static/js/offline.js): the same reader's copies stay,
// anyone else's go. Resolves to whether copies were dropped.
async function toldOwner(value) {
  const told = parseOwner(value);
  const meta = await readMeta();
  let dropped = false;
  if (hasCopies(meta) && (!told || told.id !== meta.owner)) {
    await dropCopies();
    dropped = true;
  }
  if (told) {
    await recordOwner(told);
  }
  return dropped;
}

// Whose the copies kept from now on are, and until when ({id, expires} of the owner cookie).
function recordOwner(reader) {
  return changeMeta((meta) => {
    meta.owner = reader.id;
    meta.ownerExpires = reader.expires;
  });
}

// --- Which copies are still public ---------------------------------------------------------

// A page's mark (copies_mark): a mark this worker has not checked means something may have
// been taken down since.
async function followMark(response) {
  const meta = await readMeta();
  const articles = Object.keys(meta.pages).filter((path) => meta.pages[path].article);
  if (!articles.length || !(response.headers.get("Content-Type") || "").startsWith("text/html")) {
    return;
  }
  const found = (await response.text()).match(MARK);
  if (found && found[1] !== meta.checked) {
    await checkCopies();
  }
}

let checking = null;
let askAgain = false;

// Ask the site once which saved articles are still public, drop the others, and remember
// the mark the answer holds for. A page whose mark comes while a question is out is asked
// about again once that answer is in: the answer may hold for an older mark (something was
// taken down after the site read it).
function checkCopies() {
  if (checking) {
    askAgain = true;
    return checking;
  }
  checking = (async () => {
    do {
      askAgain = false;
      if (!(await askWhichArePublic())) {
        return;
      }
    } while (askAgain);
  })().catch(() => {}).finally(() => { checking = null; });
  return checking;
}

// One question and its answer; false when the site did not answer it.
async function askWhichArePublic() {
  const since = drops;
  const meta = await readMeta();
  const asked = Object.keys(meta.pages).filter((path) => meta.pages[path].article);
  const response = await fetch(COPIES_URL, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ adresser: asked }),
  });
  if (!response.ok) {
    return false;
  }
  const answer = await response.json();
  const still = new Set(answer.offentlige || []);
  // Every copy dropped meanwhile (another reader): nothing to record, not even the mark.
  await changeMeta(async (after) => {
    for (const path of asked.filter((path) => !still.has(path))) {
      await dropCopy(after, path);
    }
    // A copy kept while the question was out was not asked about: the mark is checked
    // only if every copy was.
    if (Object.keys(after.pages).every((path) => !after.pages[path].article || asked.includes(path))) {
      after.checked = answer.maerke;
    }
  }, since);
  return true;
}

// --- Changes to the list ------------------------------------------------------------------

async function readingListChange(event) {
  const request = event.request;
  const form = await request.clone().formData();
  const params = new URLSearchParams();
  for (const [name, value] of form) {
    params.append(name, value);
  }
  try {
    const response = await fetch(request);
    event.waitUntil(followChange(request.url, response.clone()));
    return response;
  } catch (error) {
    if (new URL(request.url).pathname.endsWith("/tilfoej/")) {
      throw error;  // adding needs the article itself: not offline
    }
    const present = await owner(await readMeta());
    await enqueue({ url: request.url, body: params.toString(), owner: present && present.id });
    if (self.registration.sync) {
      self.registration.sync.register(SYNC_TAG).catch(() => {});
    }
    if ((request.headers.get("Accept") || "").includes("application/json")) {
      return new Response(JSON.stringify({
        artikel: Number(params.get("artikel")),
        paa_listen: !request.url.endsWith("/fjern/"),
        antal: null,
        i_koe: true,
      }), { status: 202, headers: { "Content-Type": "application/json" } });
    }
    return Response.redirect(params.get("naeste") || LIST_URL, 303);
  }
}

// After a change went through: an added article is kept, a removed one forgotten.
async function followChange(url, response) {
  const since = drops;
  if (!response.ok || !(response.headers.get("Content-Type") || "").includes("json")) {
    return;
  }
  const data = await response.json();
  if (!data.adresse) {
    return;
  }
  if (url.endsWith("/tilfoej/") && data.paa_listen) {
    await saveArticle(data.adresse, new Date().toISOString());
    await keepWithinBudget();
  } else if (url.endsWith("/fjern/") && !data.paa_listen) {
    await removeArticle(data.adresse, since);
  }
}

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) {
    // A failed sync is tried again by the browser later: fail it while anything is left.
    event.waitUntil(flushQueue().then((sent) => {
      if (!sent) {
        throw new Error("still offline");
      }
    }));
  }
});

function openQueue() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(QUEUE_DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore("queue", { autoIncrement: true });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

async function enqueue(item) {
  const db = await openQueue();
  await new Promise((resolve, reject) => {
    const transaction = db.transaction("queue", "readwrite");
    transaction.objectStore("queue").add({ ...item, queued: Date.now() });
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
}

async function queued() {
  const db = await openQueue();
  return new Promise((resolve, reject) => {
    const items = [];
    const cursor = db.transaction("queue").objectStore("queue").openCursor();
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (current) {
        items.push({ key: current.key, ...current.value });
        current.continue();
      } else {
        resolve(items);
      }
    };
    cursor.onerror = () => reject(cursor.error);
  });
}

async function clearQueue() {
  const db = await openQueue();
  await new Promise((resolve) => {
    const transaction = db.transaction("queue", "readwrite");
    transaction.objectStore("queue").clear();
    transaction.oncomplete = resolve;
    transaction.onerror = resolve;
  });
}

async function dequeue(key) {
  const db = await openQueue();
  await new Promise((resolve) => {
    const transaction = db.transaction("queue", "readwrite");
    transaction.objectStore("queue").delete(key);
    transaction.oncomplete = resolve;
    transaction.onerror = resolve;
  });
}

let flushing = null;

// Send what was queued, in order; stop at the first that cannot reach the server. Resolves
// to whether everything was sent.
function flushQueue() {
  if (!flushing) {
    flushing = (async () => {
      const present = await owner(await readMeta());
      for (const item of await queued()) {
        if (!present || item.owner !== present.id) {
          await dequeue(item.key);  // another reader's change: never sent for this one
          continue;
        }
        let response;
        try {
          response = await fetch(item.url, {
            method: "POST",
            body: item.body,
            credentials: "same-origin",
            headers: {
              "Content-Type": "application/x-www-form-urlencoded",
              Accept: "application/json",
            },
          });
        } catch (error) {
          return false;  // still offline
        }
        await dequeue(item.key);
        await followChange(item.url, response);
      }
      return true;
    })().finally(() => { flushing = null; });
  }
  return flushing;
}
{% endautoescape %}
