// The page's side of the offline worker (scripts/offline/sw.js), put into boot.js as a function run
// once the app has started, or failed to (externalize-loader.mjs): a build that fails to start can
// still be offered the next one. It registers the worker, looks for a new version when the tab
// comes back into view, the network returns and every hour, and when one is ready says so in
// index.html's #update bar (a polite status line and two buttons), never reloading by itself: the
// new version takes over when the user chooses "Reload" or when every tab of the app is closed.
// Nothing here runs from file:// or where the browser has no service workers.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const workers = navigator.serviceWorker;
  const bar = document.getElementById('update');
  const status = bar?.querySelector('[role=status]');
  const actions = bar?.querySelector('[data-actions]');
  let seen = Boolean(workers.controller);
  let asked = false;
  let registration;
  /** Shows the bar with its `data-<which>` sentence (the sentences live in index.html). */
  const say = (which) => {
    if (!bar || !status || !actions) return;
    status.textContent = bar.dataset[which];
    actions.hidden = false;
    bar.dataset.open = '';
  };
  const close = () => {
    if (!bar || !status || !actions) return;
    status.textContent = '';
    actions.hidden = true;
    delete bar.dataset.open;
    // The button that had focus is gone: the view's main region takes it, not the page's start.
    document.querySelector('main')?.focus();
  };
  bar?.addEventListener('click', (event) => {
    const act = event.target.closest?.('button')?.dataset.act;
    if (act === 'later') close();
    if (act !== 'reload') return;
    // The waiting worker takes over and `controllerchange` reloads; with none waiting (another tab
    // already switched), the page only needs to reload.
    const waiting = registration?.waiting;
    asked = true;
    if (!waiting) return location.reload();
    waiting.addEventListener('statechange', () => { if (waiting.state === 'redundant') location.reload(); });
    waiting.postMessage('__SKIP_WAITING__');
  });
  workers.addEventListener('controllerchange', () => {
    if (asked) location.reload();
    // The first worker taking charge of a first visit is no news; a new one while this page runs an
    // older build is: another tab of the app reloaded into it.
    else if (seen) say('other');
    seen = true;
  });
  const watch = (worker) => worker?.addEventListener('statechange', () => {
    if (worker.state === 'installed' && workers.controller) say('ready');
  });
  workers.register('./sw.js').then((found) => {
    if (!found) return; // a browser that stubs the API (an automated one with workers blocked)
    registration = found;
    if (found.waiting && workers.controller) say('ready');
    watch(found.installing);
    found.addEventListener('updatefound', () => watch(found.installing));
    const check = () => found.update().catch(() => {}); // offline or the server busy: next time
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
    addEventListener('online', check);
    setInterval(check, 3_600_000);
  }, (error) => console.warn('RAI Assess works without its offline copy here:', error));
}
