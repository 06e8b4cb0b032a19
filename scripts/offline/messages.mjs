// The one message between the page and the offline worker, defined once for both sides (write.mjs
// puts it into the worker, externalize-loader.mjs into the page's side): "take over now", sent when
// the user chose to reload into a new version.
export const SKIP_WAITING = 'rai-assess:skip-waiting';
